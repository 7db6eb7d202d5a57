import Catalog
import Foundation

/// The text shown when a run ends: its logged series, curves and artifacts in brief, and its
/// result as a readable table.
public enum RunSummary {
  public static func render(_ run: Run) -> String {
    var lines: [String] = []
    if !run.seriesNames.isEmpty {
      lines.append("logged:")
      let width = run.seriesNames.map(\.count).max() ?? 0
      for name in run.seriesNames {
        let points = run.series[name] ?? []
        guard let last = points.last else { continue }
        let values = points.map(\.value)
        let lo = values.min() ?? last.value, hi = values.max() ?? last.value
        let pad = String(repeating: " ", count: width - name.count)
        lines.append("  \(name)\(pad)  \(points.count) point\(points.count == 1 ? "" : "s"), last \(number(last.value)) at step \(last.step), min \(number(lo)), max \(number(hi))")
      }
    }
    if !run.curves.isEmpty { lines.append("curves: " + run.curves.map(\.name).joined(separator: ", ")) }
    if !run.artifacts.isEmpty {
      lines.append("artifacts in \(run.folder.path): " + run.artifacts.map(\.name).joined(separator: ", "))
    }
    if let result = run.result, !isNone(result) {
      lines.append("result:")
      lines.append(contentsOf: table(result, indent: 1))
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  static func isNone(_ v: Value) -> Bool { if case .none = v { return true }; return false }

  /// A value as indented `key  value` lines; lists of numbers on one line.
  public static func table(_ v: Value, indent: Int) -> [String] {
    let pad = String(repeating: "  ", count: indent)
    switch v {
    case .table(let pairs):
      let sortedPairs = pairs.sorted { $0.key < $1.key }
      let width = sortedPairs.filter { !isNested($0.value) }.map(\.key.count).max() ?? 0
      return sortedPairs.flatMap { key, value -> [String] in
        if isNested(value) { return ["\(pad)\(key):"] + table(value, indent: indent + 1) }
        return ["\(pad)\(key)\(String(repeating: " ", count: width - key.count))  \(inline(value))"]
      }
    case .list(let items) where items.contains(where: isNested):
      return items.enumerated().flatMap { ["\(pad)[\($0.offset + 1)]:"] + table($0.element, indent: indent + 1) }
    case .mixed(let items, let fields):
      return table(.table(items.enumerated().map { ("\($0.offset + 1)", $0.element) } + fields), indent: indent)
    case .object(let o):
      return String(describing: o).split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    default:
      return [pad + inline(v)]
    }
  }

  static func isNested(_ v: Value) -> Bool {
    switch v {
    case .table(let p): return !p.isEmpty
    case .mixed: return true
    case .list(let items): return items.contains(where: isNested)
    case .object: return true
    default: return false
    }
  }

  static func inline(_ v: Value) -> String {
    switch v {
    case .none: return "nil"
    case .bool(let b): return String(b)
    case .integer(let i): return String(i)
    case .number(let d): return number(d)
    case .string(let s): return s
    case .list(let items): return "{" + items.map(inline).joined(separator: ", ") + "}"
    case .table(let p) where p.isEmpty: return "{}"
    default: return v.literal
    }
  }

  /// Four decimals for everyday magnitudes, scientific notation for very small or large ones.
  public static func number(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    let a = abs(d)
    if a >= 1e-3 && a < 1e6 { return String(format: "%.4f", d) }
    return String(format: "%.4g", d)
  }
}
