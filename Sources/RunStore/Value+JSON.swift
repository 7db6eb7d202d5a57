import Catalog
import Foundation

extension Value {
  /// The value as JSON text: tables as objects (in their order), lists as arrays; NaN and
  /// infinities as the strings "nan", "inf", "-inf"; tensors, objects and functions as their
  /// description.
  public var json: String {
    var out = ""
    Value.write(self, to: &out)
    return out
  }

  static func write(_ v: Value, to out: inout String) {
    switch v {
    case .none: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d):
      if d.isNaN { out += "\"nan\"" } else if d.isInfinite { out += d > 0 ? "\"inf\"" : "\"-inf\"" } else { out += "\(d)" }
    case .string(let s): out += jsonString(s)
    case .list(let items):
      out += "["
      for (i, x) in items.enumerated() { if i > 0 { out += "," }; write(x, to: &out) }
      out += "]"
    case .table(let pairs): writeObject(pairs, to: &out)
    case .mixed(let items, let fields):
      writeObject(items.enumerated().map { ("\($0.offset + 1)", $0.element) } + fields, to: &out)
    case .tensor(let t): out += jsonString("\(t)")
    case .object(let o): out += jsonString(String(describing: o))
    case .function: out += "\"function\""
    }
  }

  static func writeObject(_ pairs: [(key: String, value: Value)], to out: inout String) {
    out += "{"
    for (i, p) in pairs.enumerated() {
      if i > 0 { out += "," }
      out += jsonString(p.key) + ":"
      write(p.value, to: &out)
    }
    out += "}"
  }

  /// A string as a JSON string literal.
  public static func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
      }
    }
    return out + "\""
  }
}

/// JSON text read back as flat `a.b.c -> value` pairs in the order the text gives them, for
/// showing, comparing and filtering; list items are keyed 1, 2, ...
public enum FlatJSON {
  public enum Leaf: Equatable {
    case number(Double), string(String), bool(Bool), null

    public var text: String {
      switch self {
      case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
      case .string(let s): return s
      case .bool(let b): return String(b)
      case .null: return "null"
      }
    }
  }

  public static func flatten(_ json: String?) -> [(key: String, value: Leaf)] {
    guard let json else { return [] }
    var parser = Parser(bytes: Array(json.utf8))
    var out: [(String, Leaf)] = []
    parser.value(prefix: "", into: &out)
    return out
  }

  /// Reads what `Value.json` writes (and any well-formed JSON); stops quietly at anything else.
  struct Parser {
    let bytes: [UInt8]
    var i = 0

    mutating func skip() { while i < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[i]) { i += 1 } }
    func join(_ prefix: String, _ k: String) -> String { prefix.isEmpty ? k : prefix + "." + k }

    mutating func value(prefix: String, into out: inout [(String, Leaf)]) {
      skip()
      guard i < bytes.count else { return }
      switch bytes[i] {
      case UInt8(ascii: "{"):
        i += 1
        while true {
          skip()
          guard i < bytes.count else { return }
          if bytes[i] == UInt8(ascii: "}") { i += 1; return }
          if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
          guard let key = string() else { return }
          skip()
          guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return }
          i += 1
          value(prefix: join(prefix, key), into: &out)
        }
      case UInt8(ascii: "["):
        i += 1
        var n = 0
        while true {
          skip()
          guard i < bytes.count else { return }
          if bytes[i] == UInt8(ascii: "]") { i += 1; return }
          if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
          n += 1
          let before = i
          value(prefix: join(prefix, String(n)), into: &out)
          if i == before { return }
        }
      case UInt8(ascii: "\""):
        if let s = string() { out.append((prefix, .string(s))) }
      default:
        let start = i
        while i < bytes.count, !",]} \n\r\t".utf8.contains(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        switch word {
        case "true": out.append((prefix, .bool(true)))
        case "false": out.append((prefix, .bool(false)))
        case "null": out.append((prefix, .null))
        default: if let d = Double(word) { out.append((prefix, .number(d))) }
        }
      }
    }

    mutating func string() -> String? {
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
      i += 1
      var out: [UInt8] = []
      while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
        if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
          i += 1
          switch bytes[i] {
          case UInt8(ascii: "n"): out.append(0x0a)
          case UInt8(ascii: "r"): out.append(0x0d)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u") where i + 4 < bytes.count:
            let hex = String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self)
            if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.append(contentsOf: Array(String(u).utf8)) }
            i += 4
          default: out.append(bytes[i])
          }
          i += 1
        } else {
          out.append(bytes[i]); i += 1
        }
      }
      i += 1
      return String(decoding: out, as: UTF8.self)
    }
  }
}
