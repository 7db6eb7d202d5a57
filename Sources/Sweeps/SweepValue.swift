import Catalog

/// A value a search-space parameter can take: a scalar, or a list of scalars (`{512, 256}` as a
/// layer list). Equatable and written as a Lua literal, so a study can be stored, compared and
/// read back without a scripting host.
public enum SweepValue: Hashable, Sendable, CustomStringConvertible {
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case list([SweepValue])

  /// The value a script gave, when it is one a sweep can choose: a boolean, number or string,
  /// or a list of them (one level).
  public init?(_ value: Value, nested: Bool = false) {
    switch value {
    case .bool(let b): self = .bool(b)
    case .integer(let i): self = .integer(i)
    case .number(let d) where d.isFinite: self = .number(d)
    case .string(let s): self = .string(s)
    case .list(let items) where !nested:
      var out: [SweepValue] = []
      for item in items {
        guard let v = SweepValue(item, nested: true) else { return nil }
        out.append(v)
      }
      self = .list(out)
    default: return nil
    }
  }

  /// The value as the config holds it.
  public var value: Value {
    switch self {
    case .bool(let b): return .bool(b)
    case .integer(let i): return .integer(i)
    case .number(let d): return .number(d)
    case .string(let s): return .string(s)
    case .list(let items): return .list(items.map(\.value))
    }
  }

  /// The value as a Lua literal (`true`, `3`, `0.001`, `"adam"`, `{512, 256}`); numbers keep
  /// every bit (Swift's shortest round-trip form).
  public var description: String {
    switch self {
    case .bool(let b): return b ? "true" : "false"
    case .integer(let i): return String(i)
    case .number(let d):
      let text = "\(d)"
      // A whole number stays a float when read back.
      return text.contains(".") || text.contains("e") || text.contains("n") ? text : text + ".0"
    case .string(let s):
      var out = "\""
      for ch in s.unicodeScalars {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
          if ch.value < 0x20 { out += "\\\(ch.value)" } else { out.unicodeScalars.append(ch) }
        }
      }
      return out + "\""
    case .list(let items): return "{" + items.map(\.description).joined(separator: ", ") + "}"
    }
  }

  /// The number, for an integer or a number.
  public var double: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .number(let d): return d
    default: return nil
    }
  }
}
