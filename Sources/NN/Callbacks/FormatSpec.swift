import Foundation

/// A Python format specification (`02d`, `.4f`, `>8.2e`), the part after the colon in
/// `{val_loss:.2f}`: `[[fill]align][sign][0][width][.precision][type]` with the types d, e, E,
/// f, F, g, G and %. Anything else is refused when the spec is read, not when it is used.
struct FormatSpec: Equatable {
  var fill: Character = " "
  var align: Character? = nil
  var sign: Character = "-"
  var width = 0
  var precision: Int? = nil
  var type: Character? = nil

  static let types: Set<Character> = ["d", "e", "E", "f", "F", "g", "G", "%"]
  /// The largest width or precision: a spec names a file, not a buffer to fill.
  static let maxWidth = 1000

  init() {}

  /// Reads a spec; the error says what is wrong with it.
  init(_ text: String) throws {
    var c = Array(text)[...]
    if c.count >= 2, "<>=^".contains(c[c.startIndex + 1]) {
      fill = c.removeFirst(); align = c.removeFirst()
    } else if let f = c.first, "<>=^".contains(f) {
      align = c.removeFirst()
    }
    if let f = c.first, "+- ".contains(f) { sign = c.removeFirst() }
    if c.first == "0" {
      c.removeFirst()
      if align == nil { fill = "0"; align = "=" }
    }
    var digits = ""
    while let f = c.first, f.isASCII, f.isNumber { digits.append(c.removeFirst()) }
    if !digits.isEmpty {
      guard let w = Int(digits), w <= Self.maxWidth else { throw FormatError("width \(digits) is too large (at most \(Self.maxWidth))") }
      width = w
    }
    if c.first == "." {
      c.removeFirst()
      var p = ""
      while let f = c.first, f.isASCII, f.isNumber { p.append(c.removeFirst()) }
      guard !p.isEmpty else { throw FormatError("a '.' must be followed by a precision") }
      guard let n = Int(p), n <= Self.maxWidth else { throw FormatError("precision \(p) is too large (at most \(Self.maxWidth))") }
      precision = n
    }
    if let t = c.first {
      guard Self.types.contains(t), c.count == 1 else {
        throw FormatError("'\(String(c))' is not understood (use [[fill]align][sign][0][width][.precision][type], type one of d, e, E, f, F, g, G, %)")
      }
      type = t
    }
    if type == "d", precision != nil { throw FormatError("precision is not allowed with the integer format 'd'") }
  }

  /// Whether the spec accepts a non-integer number (Python refuses 'd' for a float).
  var acceptsFloat: Bool { type != "d" }

  func format(_ value: Int) -> String {
    guard type == nil || type == "d" else { return format(Double(value)) }
    return pad(sign: value < 0, body: String(value.magnitude))
  }

  func format(_ value: Double) -> String {
    let negative = value.sign == .minus && !value.isNaN
    let a = abs(value)
    var body: String
    if !a.isFinite {
      body = a.isNaN ? "nan" : "inf"
      if type == "E" || type == "F" || type == "G" { body = body.uppercased() }
      if type == "%" { body += "%" }
    } else {
      switch type {
      case nil:
        if let p = precision {
          body = String(format: "%.\(max(p, 1))g", a)
          if !body.contains(".") && !body.contains("e") { body += ".0" }
        } else {
          body = a.description
        }
      case "%": body = String(format: "%.\(precision ?? 6)f", a * 100) + "%"
      case let t?: body = String(format: "%.\(precision ?? 6)\(t)", a)
      }
    }
    return pad(sign: negative, body: body)
  }

  private func pad(sign negative: Bool, body: String) -> String {
    let s = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
    let missing = width - s.count - body.count
    guard missing > 0 else { return s + body }
    let filler = String(repeating: fill, count: missing)
    switch align ?? ">" {
    case "<": return s + body + filler
    case "^":
      let left = missing / 2
      return String(repeating: fill, count: left) + s + body + String(repeating: fill, count: missing - left)
    case "=": return s + filler + body
    default: return filler + s + body
    }
  }
}

/// What is wrong with a format string or spec.
struct FormatError: Error { let message: String; init(_ m: String) { message = m } }
