/// Reads a MULAN labels file: `<labels xmlns="http://mulan.sourceforge.net/labels">` with
/// `<label name="...">` elements, possibly nested (hierarchies); every label's name is
/// collected, in document order.
public enum MulanLabels {
  public static func read(path: String) throws -> [String] {
    try parse(FileBytes.read(path), path: path)
  }

  public static func parse(_ b: [UInt8], path: String) throws -> [String] {
    guard b.contains(where: { !isSpace($0) && $0 != 0x0A }) else { throw DataError("\(path): the file is empty (expected a MULAN <labels> file)") }
    var names: [String] = []
    var seen = Set<String>()
    var i = 0, line = 1
    var sawRoot = false
    while i < b.count {
      if b[i] == 0x0A { line += 1; i += 1; continue }
      guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
      // Comments, declarations and processing instructions.
      if starts(b, i, "<!--") {
        guard let e = find(b, i + 4, "-->") else { throw DataError.at(path, line: line, "unterminated comment") }
        line += b[i..<e].filter { $0 == 0x0A }.count
        i = e + 3; continue
      }
      if starts(b, i, "<?") || starts(b, i, "<!") || starts(b, i, "</") {
        guard let e = find(b, i, ">") else { throw DataError.at(path, line: line, "unterminated tag") }
        line += b[i..<e].filter { $0 == 0x0A }.count
        i = e + 1; continue
      }
      guard let e = find(b, i, ">") else { throw DataError.at(path, line: line, "unterminated tag") }
      let tag = Array(b[(i + 1)..<e])
      let tagLine = line
      line += tag.filter { $0 == 0x0A }.count
      i = e + 1
      var n = 0
      while n < tag.count, !isSpace(tag[n]), tag[n] != 0x0A, tag[n] != UInt8(ascii: "/") { n += 1 }
      let element = String(decoding: tag[0..<n], as: UTF8.self)
      let local = element.split(separator: ":").last.map(String.init) ?? element
      if local == "labels" { sawRoot = true; continue }
      guard local == "label" else { continue }
      guard sawRoot else { throw DataError.at(path, line: tagLine, "<label> outside a <labels> element (expected a MULAN labels file)") }
      guard let name = attribute("name", in: tag) else {
        throw DataError.at(path, line: tagLine, "a <label> without a name attribute (expected <label name=\"...\">)")
      }
      guard !name.isEmpty else { throw DataError.at(path, line: tagLine, "a <label> with an empty name") }
      guard seen.insert(name).inserted else { throw DataError.at(path, line: tagLine, "label \(quoted(name)) is listed twice") }
      names.append(name)
    }
    guard sawRoot else { throw DataError("\(path): no <labels> element (expected a MULAN labels file)") }
    guard !names.isEmpty else { throw DataError("\(path): no <label name=\"...\"> elements") }
    return names
  }

  static func starts(_ b: [UInt8], _ i: Int, _ s: String) -> Bool {
    let u = Array(s.utf8)
    return i + u.count <= b.count && Array(b[i..<(i + u.count)]) == u
  }

  static func find(_ b: [UInt8], _ from: Int, _ s: String) -> Int? {
    let u = Array(s.utf8)
    var i = from
    while i + u.count <= b.count {
      if b[i] == u[0], Array(b[i..<(i + u.count)]) == u { return i }
      i += 1
    }
    return nil
  }

  /// The decoded value of attribute `key` in a tag's text.
  static func attribute(_ key: String, in tag: [UInt8]) -> String? {
    let k = Array(key.utf8)
    var i = 0
    while i < tag.count {
      // an attribute name starts after whitespace
      if (i == 0 || isSpace(tag[i - 1]) || tag[i - 1] == 0x0A), i + k.count <= tag.count, Array(tag[i..<(i + k.count)]) == k {
        var j = i + k.count
        while j < tag.count, isSpace(tag[j]) || tag[j] == 0x0A { j += 1 }
        if j < tag.count, tag[j] == UInt8(ascii: "=") {
          j += 1
          while j < tag.count, isSpace(tag[j]) || tag[j] == 0x0A { j += 1 }
          guard j < tag.count, tag[j] == 34 || tag[j] == 39 else { return nil }
          let q = tag[j]
          guard let end = tag[(j + 1)...].firstIndex(of: q) else { return nil }
          return decodeEntities(String(decoding: tag[(j + 1)..<end], as: UTF8.self))
        }
      }
      i += 1
    }
    return nil
  }

  static func decodeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = s
    for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
      out = out.replacingOccurrences(of: entity, with: char)
    }
    return out.replacingOccurrences(of: "&amp;", with: "&")
  }
}

import Foundation
