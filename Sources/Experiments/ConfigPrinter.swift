import Foundation
import Catalog

/// Renders a config as readable, nested Lua-like text with a stable key order, marking what
/// named configs and overrides changed: what `--print-config` shows.
public enum ConfigPrinter {
  public static func render(_ config: Config, title: String? = nil) -> String {
    var lines: [String] = []
    if let title { lines.append(title) }
    guard case .table(let pairs) = config.root else { return lines.joined(separator: "\n") }
    walk(pairs, indent: 1, path: [], changes: config.changes, into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func walk(_ pairs: [(key: String, value: Value)], indent: Int, path: [String],
                           changes: [String: ConfigChange], into lines: inout [String]) {
    let pad = String(repeating: "  ", count: indent)
    for (key, value) in pairs {
      let here = path + [key]
      let mark = changes[here.joined(separator: ".")].map { "   -- \($0.marker)" } ?? ""
      if case .table(let inner) = value, !inner.isEmpty {
        lines.append("\(pad)\(key) = {\(mark)")
        walk(inner, indent: indent + 1, path: here, changes: changes, into: &lines)
        lines.append("\(pad)}")
      } else {
        lines.append("\(pad)\(key) = \(literal(value))\(mark)")
      }
    }
  }

  /// A Lua literal for a config value (numbers as `%.14g`, as Lua prints them).
  public static func literal(_ v: Value) -> String {
    switch v {
    case .none: return "nil"
    case .bool(let b): return String(b)
    case .integer(let i): return String(i)
    case .number(let d): return number(d)
    case .string(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case .list(let items): return "{" + items.map(literal).joined(separator: ", ") + "}"
    case .table(let pairs): return "{" + pairs.map { "\($0.key) = \(literal($0.value))" }.joined(separator: ", ") + "}"
    default: return v.literal
    }
  }

  static func number(_ d: Double) -> String {
    if d.isNaN { return "0/0" }
    if d.isInfinite { return d > 0 ? "math.huge" : "-math.huge" }
    if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
    return String(format: "%.14g", d)
  }
}
