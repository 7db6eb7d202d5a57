import Catalog
/// Splits one ARFF header line: keywords, names (bare or quoted with backslash escapes) and
/// `{...}` nominal value lists.
struct Tokenizer {
  let bytes: [UInt8]
  let path: String
  let line: Int
  var i = 0

  init(bytes: [UInt8], path: String, line: Int) {
    self.bytes = bytes
    self.path = path
    self.line = line
  }

  var atEnd: Bool { i >= bytes.count }
  var peek: UInt8 { bytes[i] }
  var rest: String { String(decoding: bytes[min(i, bytes.count)...], as: UTF8.self) }

  mutating func skipSpaces() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }

  /// Bytes up to the next space (or `{`).
  mutating func word() -> String {
    skipSpaces()
    let start = i
    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "{") { i += 1 }
    return String(decoding: bytes[start..<i], as: UTF8.self)
  }

  static func unescape(_ c: UInt8) -> UInt8 {
    switch c {
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "r"): return 0x0D
    default: return c
    }
  }

  /// A bare or quoted name; bare names end at a space, or at `stops`.
  mutating func name(what: String, stops: Set<UInt8> = []) throws -> String {
    skipSpaces()
    guard i < bytes.count else { throw DataError.at(path, line: line, "expected \(what), got the end of the line") }
    let q = bytes[i]
    if q == UInt8(ascii: "'") || q == UInt8(ascii: "\"") {
      var out: [UInt8] = []
      i += 1
      while true {
        guard i < bytes.count else {
          throw DataError.at(path, line: line, "unterminated quoted name (expected a closing \(q == 39 ? "'" : "\""))")
        }
        let c = bytes[i]
        if c == q { i += 1; break }
        if c == UInt8(ascii: "\\"), i + 1 < bytes.count { out.append(Tokenizer.unescape(bytes[i + 1])); i += 2; continue }
        out.append(c); i += 1
      }
      return String(decoding: out, as: UTF8.self)
    }
    let start = i
    while i < bytes.count, !isSpace(bytes[i]), !stops.contains(bytes[i]) { i += 1 }
    return String(decoding: bytes[start..<i], as: UTF8.self)
  }

  /// `{a, b, 'c d'}`
  mutating func nominalValues(attribute: String) throws -> [String] {
    i += 1  // {
    var values: [String] = []
    while true {
      skipSpaces()
      guard i < bytes.count else { throw DataError.at(path, line: line, "attribute '\(attribute)': expected '}' to close the nominal values") }
      if bytes[i] == UInt8(ascii: "}") && values.isEmpty { i += 1; break }
      var v = try name(what: "a nominal value", stops: [UInt8(ascii: ","), UInt8(ascii: "}")])
      // Bare values may contain spaces: take everything up to the separator.
      skipSpaces()
      while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}") {
        v += " " + (try name(what: "a nominal value", stops: [UInt8(ascii: ","), UInt8(ascii: "}")]))
        skipSpaces()
      }
      values.append(v)
      guard i < bytes.count else { throw DataError.at(path, line: line, "attribute '\(attribute)': expected '}' to close the nominal values") }
      if bytes[i] == UInt8(ascii: "}") { i += 1; break }
      i += 1  // ,
    }
    guard !values.isEmpty else { throw DataError.at(path, line: line, "attribute '\(attribute)': a nominal type needs at least one value") }
    return values
  }
}

/// The candidate nearest to `word` by edit distance, when close enough to be a typo.
func closestName(_ word: String, _ candidates: [String]) -> String? {
  Suggest.closest(to: word, among: candidates)
}
