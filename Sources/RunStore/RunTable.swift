import Foundation

/// Runs as a text table (`crescent runs`): id, experiment, status, start, duration and the last
/// value of the series the runs have (the most shared first, at most `maxMetrics` of them).
public enum RunTable {
  public static let maxMetrics = 6

  public static func render(_ runs: [RunRecord], maxMetrics: Int = RunTable.maxMetrics) -> String {
    var counts: [String: Int] = [:]
    for r in runs { for (k, _) in r.lastValues { counts[k, default: 0] += 1 } }
    let keys = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    let shown = Array(keys.prefix(maxMetrics))
    let header = ["id", "experiment", "status", "start", "duration"] + shown
    let rows = runs.map { r in
      [r.id, r.experiment, r.status.rawValue, timestamp(r.started), duration(r.duration)]
        + shown.map { k in r.lastValue(k).map(number) ?? "-" }
    }
    var text = grid([header] + rows, numericFrom: 5)
    if keys.count > shown.count {
      text += "(\(keys.count - shown.count) more series not shown: crescent runs show <id>)\n"
    }
    return text
  }

  /// Left-aligned text columns, right-aligned from column `numericFrom` on.
  public static func grid(_ rows: [[String]], numericFrom: Int = Int.max) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return c >= numericFrom ? pad + cell : (c == row.count - 1 ? cell : cell + pad)
      }.joined(separator: "  ").trimmingTrailingSpaces
    }.joined(separator: "\n") + "\n"
  }

  public static func timestamp(_ d: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return f.string(from: d)
  }

  public static func duration(_ s: Double) -> String {
    if s < 60 { return String(format: "%.1fs", max(0, s)) }
    let t = Int(s.rounded())
    if t < 3600 { return String(format: "%dm%02ds", t / 60, t % 60) }
    return String(format: "%dh%02dm", t / 3600, (t % 3600) / 60)
  }

  /// Four significant decimals for everyday magnitudes; nan, inf and -inf by name.
  public static func number(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    let a = abs(d)
    if a >= 1e-3 && a < 1e6 { return String(format: "%.4f", d) }
    return String(format: "%.4g", d)
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    guard last == " " else { return self }
    return String(self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)])
  }
}
