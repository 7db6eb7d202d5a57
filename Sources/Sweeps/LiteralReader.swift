/// Reads the Lua literals of a distribution's text form: numbers, strings in single or double
/// quotes, `true`/`false`, and lists of them in braces.
struct LiteralReader {
  let scalars: [Unicode.Scalar]
  let text: String
  private(set) var position = 0

  init(_ text: String) {
    self.text = text
    scalars = Array(text.unicodeScalars)
  }

  var atEnd: Bool {
    var copy = self
    copy.skipSpace()
    return copy.position == scalars.count
  }

  mutating func skipSpace() {
    while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
  }

  /// Consumes `symbol` (after spaces) when it is next.
  mutating func take(_ symbol: Unicode.Scalar) -> Bool {
    skipSpace()
    guard position < scalars.count, scalars[position] == symbol else { return false }
    position += 1
    return true
  }

  /// A name: letters, digits and underscores.
  mutating func word() -> String {
    skipSpace()
    var out = ""
    while position < scalars.count, scalars[position] == "_" || scalars[position].properties.isAlphabetic
            || ("0"..."9").contains(scalars[position]) {
      out.unicodeScalars.append(scalars[position])
      position += 1
    }
    return out
  }

  mutating func literal(nested: Bool = false) throws -> SweepValue {
    skipSpace()
    guard position < scalars.count else { throw SweepError("'\(text)': expected a value at the end") }
    let c = scalars[position]
    if c == "\"" || c == "'" { return .string(try string(quote: c)) }
    if c == "{" {
      guard !nested else { throw SweepError("'\(text)': lists inside lists are not options a sweep takes") }
      position += 1
      var items: [SweepValue] = []
      if take("}") { return .list(items) }
      repeat { items.append(try literal(nested: true)) } while take(",")
      guard take("}") else { throw SweepError("'\(text)': expected ',' or '}' at position \(position + 1)") }
      return .list(items)
    }
    let start = position
    while position < scalars.count, !",(){} \t".unicodeScalars.contains(scalars[position]) { position += 1 }
    let token = String(String.UnicodeScalarView(scalars[start..<position]))
    if token == "true" { return .bool(true) }
    if token == "false" { return .bool(false) }
    if let i = Int(token) { return .integer(i) }
    if let d = Double(token), d.isFinite, token.first != "+" || token.count > 1 { return .number(d) }
    throw SweepError("'\(text)': expected a number, a quoted string, true, false or a list at position \(start + 1), got '\(token)'")
  }

  private mutating func string(quote: Unicode.Scalar) throws -> String {
    let start = position
    position += 1
    var out = ""
    while position < scalars.count {
      let c = scalars[position]
      position += 1
      if c == quote { return out }
      if c == "\\" {
        guard position < scalars.count else { break }
        let e = scalars[position]
        position += 1
        switch e {
        case "n": out += "\n"
        case "r": out += "\r"
        case "t": out += "\t"
        case "\\", "\"", "'": out.unicodeScalars.append(e)
        default:
          if ("0"..."9").contains(e) {
            var code = Int(e.value - 48)
            var digits = 1
            while digits < 3, position < scalars.count, ("0"..."9").contains(scalars[position]) {
              code = code * 10 + Int(scalars[position].value - 48)
              position += 1
              digits += 1
            }
            guard let s = Unicode.Scalar(code) else { throw SweepError("'\(text)': bad escape at position \(position)") }
            out.unicodeScalars.append(s)
          } else {
            throw SweepError("'\(text)': unknown escape '\\\(e)' at position \(position - 1)")
          }
        }
      } else {
        out.unicodeScalars.append(c)
      }
    }
    throw SweepError("'\(text)': the string starting at position \(start + 1) is not closed")
  }
}
