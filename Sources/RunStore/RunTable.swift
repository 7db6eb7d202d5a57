import Foundation

/// Runs as a text table (`crescent runs`): id, experiment (a sweep's runs: study and trial),
/// status, start, duration and the last value of the series the runs have (the most shared first, at most `maxMetrics` of them).
public enum RunTable {
  public static let maxMetrics = 6

  public static func render(_ runs: [RunRecord], maxMetrics: Int = RunTable.maxMetrics) -> String {
    var counts: [String: Int] = [:]
    for r in runs { for (k, _) in r.lastValues { counts[k, default: 0] += 1 } }
    let keys = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    let shown = Array(keys.prefix(maxMetrics))
    // A sweep's runs show their study and trial number.
    let sweeps = runs.contains { $0.study != nil }
    let header = ["id", "experiment"] + (sweeps ? ["study", "trial"] : []) + ["status", "start", "duration"] + shown
    let rows = runs.map { r in
      [r.id, r.experiment] + (sweeps ? [r.study ?? "-", r.trial.map(String.init) ?? "-"] : [])
        + [r.status.rawValue, timestamp(r.started), duration(r.duration)]
        + shown.map { k in r.lastValue(k).map(number) ?? "-" }
    }
    var text = grid([header] + rows, numericFrom: sweeps ? 7 : 5)
    if keys.count > shown.count {
      text += "(\(keys.count - shown.count) more series not shown: crescent runs show <id>)\n"
    }
    return text
  }

  /// Left-aligned text columns, right-aligned from column `numericFrom` on.
  public static func grid(_ rows: [[String]], numericFrom: Int = Int.max) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { c in rows.map { c < $0.count ? $0[c].unicodeScalars.count : 0 }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.unicodeScalars.count)
        return c >= numericFrom ? pad + cell : (c == row.count - 1 ? cell : cell + pad)
      }.joined(separator: "  ").trimmingTrailingSpaces
    }.joined(separator: "\n") + "\n"
  }

  /// Local time, to the second: `2026-12-07 14:30:00`.
  public static func timestamp(_ d: Date) -> String {
    var t = time_t(d.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    localtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }

  public static func duration(_ s: Double) -> String {
    if s < 60 { return fixed(max(0, s), decimals: 1) + "s" }
    let t = Int(s.rounded())
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    if t < 3600 { return "\(t / 60)m\(two(t % 60))s" }
    return "\(t / 3600)h\(two((t % 3600) / 60))m"
  }

  /// Four decimals for everyday magnitudes (no printf: a listing formats tens of thousands);
  /// nan, inf and -inf by name.
  public static func number(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    let a = abs(d)
    if a >= 1e-3 && a < 1e6 { return fixed(d, decimals: 4) }
    return String(format: "%.4g", d)
  }

  /// `d` rounded to `decimals` places (for |d| < 1e12), as printf's %.Nf writes it.
  static func fixed(_ d: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((abs(d) * scale).rounded())
    let unit = Int64(scale)
    var fraction = String(scaled % unit)
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    return (d < 0 && scaled != 0 ? "-" : "") + "\(scaled / unit)." + fraction
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    guard last == " " else { return self }
    return String(self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)])
  }
}
