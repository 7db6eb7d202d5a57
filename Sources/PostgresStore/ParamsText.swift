import Sweeps

/// A trial's parameters as stored: a JSON object of numbers in Swift's shortest round-trip text
/// (so every bit, -0.0 included, reads back), keys sorted; a value JSON has no number for (NaN,
/// infinities) is the string "0x" and its bit pattern in hex.
enum ParamsText {
  static func json(_ params: [String: Double]) -> String {
    "{" + params.sorted { $0.key < $1.key }.map { key, value in
      quoted(key) + ":" + (value.isFinite ? "\(value)" : "\"0x" + String(value.bitPattern, radix: 16) + "\"")
    }.joined(separator: ",") + "}"
  }

  static func read(_ text: String, trial: Int) throws -> [String: Double] {
    var scanner = Scanner(Array(text.unicodeScalars))
    func fail(_ what: String) -> SweepError {
      SweepError("trial \(trial): its stored parameters are not a JSON object of numbers (\(what)): \(text)")
    }
    var out: [String: Double] = [:]
    guard scanner.take("{") else { throw fail("no '{'") }
    if scanner.take("}") { return out }
    repeat {
      guard let key = scanner.string() else { throw fail("expected a quoted key") }
      guard scanner.take(":") else { throw fail("expected ':' after \"\(key)\"") }
      if let hex = scanner.string() {
        guard hex.hasPrefix("0x"), let bits = UInt64(hex.dropFirst(2), radix: 16) else { throw fail("'\(key)' is \"\(hex)\"") }
        out[key] = Double(bitPattern: bits)
      } else {
        guard let number = Double(scanner.token()) else { throw fail("'\(key)' is not a number") }
        out[key] = number
      }
    } while scanner.take(",")
    guard scanner.take("}"), scanner.atEnd else { throw fail("expected ',' or '}'") }
    return out
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if ch.value < 0x20 {
          let hex = String(ch.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(ch)
        }
      }
    }
    return out + "\""
  }

  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var i = 0
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { mutating get { skipSpace(); return i == scalars.count } }

    mutating func skipSpace() { while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 } }

    mutating func take(_ c: Unicode.Scalar) -> Bool {
      skipSpace()
      guard i < scalars.count, scalars[i] == c else { return false }
      i += 1
      return true
    }

    /// A JSON string, unescaped; nil (consuming nothing) when none is next or it is malformed.
    mutating func string() -> String? {
      skipSpace()
      guard i < scalars.count, scalars[i] == "\"" else { return nil }
      var j = i + 1
      var out = ""
      while j < scalars.count {
        let c = scalars[j]
        j += 1
        if c == "\"" { i = j; return out }
        guard c == "\\" else { out.unicodeScalars.append(c); continue }
        guard j < scalars.count else { return nil }
        let e = scalars[j]
        j += 1
        switch e {
        case "\"", "\\", "/": out.unicodeScalars.append(e)
        case "n": out += "\n"
        case "t": out += "\t"
        case "r": out += "\r"
        case "b": out += "\u{8}"
        case "f": out += "\u{c}"
        case "u":
          guard j + 4 <= scalars.count, let code = UInt32(String(String.UnicodeScalarView(scalars[j..<j + 4])), radix: 16),
                let s = Unicode.Scalar(code) else { return nil }
          out.unicodeScalars.append(s)
          j += 4
        default: return nil
        }
      }
      return nil
    }

    /// The characters up to the next ',', '}' or space.
    mutating func token() -> String {
      skipSpace()
      let start = i
      while i < scalars.count, scalars[i] != ",", scalars[i] != "}", !scalars[i].properties.isWhitespace { i += 1 }
      return String(String.UnicodeScalarView(scalars[start..<i]))
    }
  }
}
