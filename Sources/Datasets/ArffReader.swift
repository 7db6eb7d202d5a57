import Tensors

/// Reads ARFF files (Weka's format, as MULAN and MEKA use it) into datasets: dense and sparse
/// rows, numeric and nominal attributes, quoted names with escapes, `%` comments, missing
/// values. Labels are found by name (a MULAN XML file), as the last L attributes, or from a
/// MEKA `-C n` relation header. Label columns keep the ARFF's attribute order.
public enum ArffReader {
  /// The parsed header: relation, attributes and where `@data` begins.
  public struct Header {
    public var relation: String = ""
    public var attributes: [ArffAttribute] = []
    /// Byte offset just after the `@data` line, and that line's number.
    var dataOffset = 0
    var dataLine = 0

    /// The `n` of a MEKA `-C n` option in the relation name, if present.
    public var mekaLabelCount: Int? {
      let b = Array(relation.utf8)
      var i = 0
      while i + 1 < b.count {
        if b[i] == UInt8(ascii: "-"), b[i + 1] == UInt8(ascii: "C"), i == 0 || b[i - 1] == 0x20 || b[i - 1] == UInt8(ascii: "'") {
          var j = i + 2
          while j < b.count, b[j] == 0x20 { j += 1 }
          var k = j
          if k < b.count, b[k] == UInt8(ascii: "-") { k += 1 }
          while k < b.count, b[k] >= 48, b[k] <= 57 { k += 1 }
          if k > j, let n = b[j..<k].withUnsafeBufferPointer({ NumberParser.parseInt($0.baseAddress!, $0.count) }) { return n }  // cannot fail: an array has an address even when empty
        }
        i += 1
      }
      return nil
    }
  }

  public static func read(path: String, options: ArffOptions) throws -> Dataset {
    try parse(FileBytes.read(path), path: path, options: options)
  }

  public static func parse(_ bytes: [UInt8], path: String, options: ArffOptions) throws -> Dataset {
    guard bytes.contains(where: { !isSpace($0) && $0 != 0x0A }) else { throw DataError("\(path): the file is empty (expected an ARFF header)") }
    return try bytes.withUnsafeBufferPointer { buffer in
      let header = try parseHeader(buffer, path: path)
      let labels = try labelAttributes(header, path: path, options: options)
      return try parseData(buffer, header: header, labels: labels, path: path, options: options)
    }
  }

  // MARK: - Header

  static func parseHeader(_ b: UnsafeBufferPointer<UInt8>, path: String) throws -> Header {
    var header = Header()
    var pos = 0, line = 0
    var sawRelation = false
    while pos < b.count {
      line += 1
      var end = pos
      while end < b.count, b[end] != 0x0A { end += 1 }
      let next = end + 1
      var p = pos
      while p < end, isSpace(b[p]) { p += 1 }
      var e = end
      while e > p, isSpace(b[e - 1]) { e -= 1 }
      defer { pos = next }
      if p == e || b[p] == UInt8(ascii: "%") { continue }
      let text = Array(b[p..<e])
      var t = Tokenizer(bytes: text, path: path, line: line)
      let keyword = t.word().lowercased()
      switch keyword {
      case "@relation":
        header.relation = try t.name(what: "a relation name")
        sawRelation = true
      case "@attribute":
        let name = try t.name(what: "an attribute name")
        t.skipSpaces()
        guard !t.atEnd else { throw DataError.at(path, line: line, "attribute '\(name)': expected a type (numeric or {values}), got the end of the line") }
        if t.peek == UInt8(ascii: "{") {
          let values = try t.nominalValues(attribute: name)
          header.attributes.append(ArffAttribute(name: name, kind: .nominal(values), line: line))
        } else {
          let type = t.word()
          switch type.lowercased() {
          case "numeric", "real", "integer":
            header.attributes.append(ArffAttribute(name: name, kind: .numeric, line: line))
          default:
            throw DataError.at(path, line: line, "attribute '\(name)': type \(quoted(type)) is not supported (expected numeric, real, integer or {nominal values})")
          }
        }
        t.skipSpaces()
        guard t.atEnd else { throw DataError.at(path, line: line, "attribute '\(name)': unexpected \(quoted(t.rest)) after the type") }
      case "@data":
        guard !header.attributes.isEmpty else { throw DataError.at(path, line: line, "@data before any @attribute") }
        _ = sawRelation
        header.dataOffset = min(next, b.count)
        header.dataLine = line
        return header
      default:
        throw DataError.at(path, line: line, "expected @relation, @attribute or @data, got \(quoted(keyword.isEmpty ? String(decoding: text.prefix(40), as: UTF8.self) : keyword))")
      }
    }
    throw DataError("\(path): no @data section (the header ends at line \(line))")
  }

  /// Indices of the label attributes, in ARFF order.
  static func labelAttributes(_ header: Header, path: String, options: ArffOptions) throws -> [Int] {
    let a = header.attributes.count
    var labels: [Int]
    if let names = options.labelNames {
      var byName: [String: Int] = [:]
      for (k, attr) in header.attributes.enumerated() where byName[attr.name] == nil { byName[attr.name] = k }
      var found = Set<Int>()
      for name in names {
        guard let k = byName[name] else {
          let hint = closestName(name, header.attributes.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
          throw DataError("\(path): label '\(name)' from \(options.labelSource) is not an attribute of this file\(hint)")
        }
        found.insert(k)
      }
      labels = found.sorted()
    } else if let last = options.lastLabels {
      guard last >= 1, last < a else {
        throw DataError("\(path): labels = \(last) needs between 1 and \(a - 1) label attributes (the file has \(a) attributes)")
      }
      labels = Array((a - last)..<a)
    } else if let c = header.mekaLabelCount, c != 0 {
      guard abs(c) < a else { throw DataError("\(path): the MEKA header says -C \(c), but the file has only \(a) attributes") }
      labels = c > 0 ? Array(0..<c) : Array((a + c)..<a)
    } else {
      throw DataError("\(path): no labels given: pass {xml = \"labels.xml\"} (a MULAN label file) or {labels = L} (the last L attributes), or use a MEKA header with -C n")
    }
    guard labels.count < a else { throw DataError("\(path): every attribute is a label; no features are left") }
    for k in labels {
      let attr = header.attributes[k]
      if case .nominal(let values) = attr.kind, !values.allSatisfy({ $0 == "0" || $0 == "1" }) {
        throw DataError.at(path, line: attr.line, "label '\(attr.name)' must be numeric or nominal {0,1}, got {\(values.joined(separator: ","))}")
      }
    }
    return labels
  }

  // MARK: - Data

  /// Where an attribute's value goes.
  enum Role {
    case numeric(column: Int)
    case nominalIndex(column: Int)
    case oneHot(first: Int, count: Int)
    case label(column: Int, values: [Float])
  }

  static func parseData(_ b: UnsafeBufferPointer<UInt8>, header: Header, labels: [Int], path: String,
                        options: ArffOptions) throws -> Dataset {
    let attrs = header.attributes
    let labelSet = Set(labels)
    var roles: [Role] = []
    var featureNames: [String] = []
    var labelNames: [String] = []
    var xTemplate: [Float] = []
    var yTemplate: [Float] = []
    for (k, attr) in attrs.enumerated() {
      if labelSet.contains(k) {
        let values: [Float] = attr.nominalValues.map { $0 == "1" ? 1 : 0 }
        roles.append(.label(column: labelNames.count, values: values))
        labelNames.append(attr.name)
        yTemplate.append(values.first ?? 0)
        continue
      }
      switch attr.kind {
      case .numeric:
        roles.append(.numeric(column: featureNames.count)); featureNames.append(attr.name); xTemplate.append(0)
      case .nominal(let values):
        if options.nominal == .onehot {
          roles.append(.oneHot(first: featureNames.count, count: values.count))
          for (j, v) in values.enumerated() { featureNames.append("\(attr.name)=\(v)"); xTemplate.append(j == 0 ? 1 : 0) }
        } else {
          roles.append(.nominalIndex(column: featureNames.count)); featureNames.append(attr.name); xTemplate.append(0)
        }
      }
    }
    let d = featureNames.count, L = labelNames.count, A = attrs.count
    var xs: [Float] = [], ys: [Float] = []
    let estimate = max(16, (b.count - header.dataOffset) / max(1, A * 2))
    xs.reserveCapacity(min(estimate, 1 << 22) * d)
    ys.reserveCapacity(min(estimate, 1 << 22) * L)
    var missingColumns = Set<Int>()
    var scratch: [UInt8] = []
    var rows = 0
    var pos = header.dataOffset, line = header.dataLine
    let base = b.baseAddress!  // cannot fail: an array has an address even when empty

    // Writes the value `token` of attribute `k` into the current row.
    func store(_ k: Int, _ start: UnsafePointer<UInt8>, _ count: Int, quotedToken: Bool, row xr: Int, _ yr: Int) throws {
      let attr = attrs[k]
      let isMissing = !quotedToken && count == 1 && start[0] == UInt8(ascii: "?")
      func bad(_ expected: String) -> DataError {
        DataError.at(path, line: line, "column \(k + 1) ('\(attr.name)'): expected \(expected), got \(quoted(UnsafeBufferPointer(start: start, count: count)))")
      }
      if isMissing {
        if case .label = roles[k] {
          throw DataError.at(path, line: line, "column \(k + 1) ('\(attr.name)'): a label cannot be missing (got \"?\")")
        }
        guard options.missing != .error else {
          throw DataError.at(path, line: line, "column \(k + 1) ('\(attr.name)'): missing value \"?\" (pass missing = \"mean\" or \"zero\" to impute)")
        }
        switch roles[k] {
        case .numeric(let c), .nominalIndex(let c): xs[xr + c] = .nan; missingColumns.insert(c)
        case .oneHot(let f, let n): for c in f..<(f + n) { xs[xr + c] = .nan; missingColumns.insert(c) }
        case .label: break
        }
        return
      }
      switch roles[k] {
      case .numeric(let c):
        guard let v = NumberParser.parse(start, count) else { throw bad("a number") }
        xs[xr + c] = Float(v)
      case .nominalIndex(let c):
        guard let j = attr.nominalIndex(start, count) else { throw bad("one of {\(attr.nominalValues.joined(separator: ","))}") }
        xs[xr + c] = Float(j)
      case .oneHot(let f, let n):
        guard let j = attr.nominalIndex(start, count) else { throw bad("one of {\(attr.nominalValues.joined(separator: ","))}") }
        for c in f..<(f + n) { xs[xr + c] = 0 }
        xs[xr + f + j] = 1
      case .label(let c, let values):
        if values.isEmpty {
          guard let v = NumberParser.parse(start, count), v == 0 || v == 1 else { throw bad("a label value 0 or 1") }
          ys[yr + c] = Float(v)
        } else {
          guard let j = attr.nominalIndex(start, count) else { throw bad("a label value 0 or 1") }
          ys[yr + c] = values[j]
        }
      }
    }

    /// Reads one value token at `p` (quoted or bare) ending before `stop` bytes; returns the
    /// token and the position after it.
    func token(_ p0: Int, _ end: Int, stops: (UInt8) -> Bool) throws -> (UnsafePointer<UInt8>, Int, Bool, Int) {
      var p = p0
      while p < end, isSpace(b[p]) { p += 1 }
      guard p < end else { return (base + p, 0, false, p) }
      let q = b[p]
      if q == UInt8(ascii: "'") || q == UInt8(ascii: "\"") {
        scratch.removeAll(keepingCapacity: true)
        p += 1
        while true {
          guard p < end else { throw DataError.at(path, line: line, "unterminated quoted value (expected a closing \(q == 39 ? "'" : "\""))") }
          let c = b[p]
          if c == q { p += 1; break }
          if c == UInt8(ascii: "\\"), p + 1 < end { scratch.append(Tokenizer.unescape(b[p + 1])); p += 2; continue }
          scratch.append(c); p += 1
        }
        // The value is in `scratch`; the caller reads it from there.
        return (base, scratch.count, true, p)
      }
      var e = p
      while e < end, !stops(b[e]) { e += 1 }
      var t = e
      while t > p, isSpace(b[t - 1]) { t -= 1 }
      return (base + p, t - p, false, e)
    }

    while pos < b.count {
      line += 1
      let end = lineEnd(b, from: pos)
      let next = end + 1
      defer { pos = next }
      var p = pos
      while p < end, isSpace(b[p]) { p += 1 }
      var lineEnd = end
      while lineEnd > p, isSpace(b[lineEnd - 1]) { lineEnd -= 1 }
      if p == lineEnd || b[p] == UInt8(ascii: "%") { continue }
      let xr = xs.count, yr = ys.count
      xs.append(contentsOf: xTemplate)
      ys.append(contentsOf: yTemplate)
      rows += 1
      if rows & 1023 == 0 {
        // A short sparse row stands for a whole dense one: the buffers (and the tensors they
        // become) are checked against the memory limit as they grow.
        try MemoryBudget.reserve(floats: 2 * (xs.capacity + ys.capacity), for: "\(path): the rows read up to line \(line)")
        try RunDeadline.check()
      }
      if b[p] == UInt8(ascii: "{") {
        p += 1
        guard b[lineEnd - 1] == UInt8(ascii: "}") else {
          throw DataError.at(path, line: line, "a sparse row must end with '}', got \(quoted(UnsafeBufferPointer(start: base + lineEnd - 1, count: 1)))")
        }
        let close = lineEnd - 1
        var previous = -1
        while true {
          while p < close, isSpace(b[p]) { p += 1 }
          if p >= close { break }
          var e = p
          while e < close, b[e] != 0x20, b[e] != 0x09 { e += 1 }
          guard let k = NumberParser.parseInt(base + p, e - p), k >= 0 else {
            throw DataError.at(path, line: line, "expected a sparse index (a non-negative integer), got \(quoted(UnsafeBufferPointer(start: base + p, count: max(0, min(e, close) - p))))")
          }
          guard k < A else { throw DataError.at(path, line: line, "sparse index \(k) is past the last attribute (indices run 0..\(A - 1))") }
          guard k > previous else { throw DataError.at(path, line: line, "sparse index \(k) is out of order (after index \(previous); indices must increase)") }
          previous = k
          let (s, n, q, after) = try token(e, close, stops: { $0 == UInt8(ascii: ",") })
          guard n > 0 || q else { throw DataError.at(path, line: line, "sparse index \(k): expected a value after the index") }
          if q {
            try scratch.withUnsafeBufferPointer { try store(k, $0.baseAddress ?? base, $0.count, quotedToken: true, row: xr, yr) }
          } else {
            try store(k, s, n, quotedToken: false, row: xr, yr)
          }
          p = after
          while p < close, isSpace(b[p]) { p += 1 }
          if p < close {
            guard b[p] == UInt8(ascii: ",") else { throw DataError.at(path, line: line, "sparse index \(k): expected ',' or '}' after the value, got \(quoted(UnsafeBufferPointer(start: base + p, count: 1)))") }
            p += 1
          }
        }
      } else {
        var k = 0
        while true {
          let (s, n, q, after) = try token(p, lineEnd, stops: { $0 == UInt8(ascii: ",") })
          guard k < A else { throw DataError.at(path, line: line, "expected \(A) values, got more (\(quoted(UnsafeBufferPointer(start: s, count: n))) is value \(k + 1))") }
          guard n > 0 || q else { throw DataError.at(path, line: line, "column \(k + 1) ('\(attrs[k].name)'): expected a value, got an empty field") }
          if q {
            try scratch.withUnsafeBufferPointer { try store(k, $0.baseAddress ?? base, $0.count, quotedToken: true, row: xr, yr) }
          } else {
            try store(k, s, n, quotedToken: false, row: xr, yr)
          }
          k += 1
          p = after
          while p < lineEnd, isSpace(b[p]) { p += 1 }
          if p >= lineEnd { break }
          guard b[p] == UInt8(ascii: ",") else { throw DataError.at(path, line: line, "column \(k): expected ',' after the value, got \(quoted(UnsafeBufferPointer(start: base + p, count: 1)))") }
          p += 1
        }
        guard k == A else { throw DataError.at(path, line: line, "expected \(A) values, got \(k)") }
      }
    }
    guard rows > 0 else { throw DataError("\(path): no data rows after @data (line \(header.dataLine))") }
    if !missingColumns.isEmpty { impute(&xs, columns: missingColumns, width: d, rows: rows, mean: options.missing == .mean) }
    return try Dataset(x: Tensor(shape: [rows, d], scalars: xs), y: Tensor(shape: [rows, L], scalars: ys),
                       featureNames: featureNames, labelNames: labelNames, name: lastPathComponent(path))
  }

  static func impute(_ xs: inout [Float], columns: Set<Int>, width d: Int, rows: Int, mean: Bool) {
    for c in columns {
      var fill: Float = 0
      if mean {
        var sum = 0.0, n = 0
        for r in 0..<rows where !xs[r * d + c].isNaN { sum += Double(xs[r * d + c]); n += 1 }
        fill = n > 0 ? Float(sum / Double(n)) : 0
      }
      for r in 0..<rows where xs[r * d + c].isNaN { xs[r * d + c] = fill }
    }
  }
}

@inline(__always)
/// Where the line starting at `pos` ends: the index of its line feed, or the buffer's end.
func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from pos: Int) -> Int {
  guard pos < b.count, let r = memchr(b.baseAddress! + pos, 0x0A, b.count - pos) else { return b.count }  // cannot fail: an array has an address even when empty
  return UnsafePointer(r.assumingMemoryBound(to: UInt8.self)) - b.baseAddress!  // cannot fail: an array has an address even when empty
}

func lastPathComponent(_ path: String) -> String {
  path.split(separator: "/").last.map(String.init) ?? path
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
