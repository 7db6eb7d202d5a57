import Tensors

/// Reads delimited text (CSV, optionally gzip-compressed) of numbers into datasets or
/// matrices. Fields may be quoted (`"a,b"`, `""` for a quote). Every value must be a number;
/// label columns must hold 0 or 1.
public enum CsvReader {
  /// Which columns are labels.
  public enum LabelSpec {
    /// By header name.
    case names([String])
    /// By position, counted from 1.
    case positions([Int])
    /// Every column whose header name starts with the prefix.
    case prefix(String)
    /// The last L columns.
    case last(Int)
  }

  public struct Options {
    public var labels: LabelSpec
    public var header: Bool = true
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public init(labels: LabelSpec, header: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
      self.labels = labels
      self.header = header
      self.delimiter = delimiter
    }
  }

  /// A parsed table of numbers.
  public struct Matrix {
    public var names: [String]?
    public var values: [Float]
    public var rows: Int
    public var columns: Int
  }

  public static func read(path: String, options: Options) throws -> Dataset {
    let bytes = try FileBytes.read(path)
    var labelColumns: [Int] = []
    let m = try parse(bytes, path: path, header: options.header, delimiter: options.delimiter) { names, columns in
      labelColumns = try resolve(options.labels, names: names, columns: columns, path: path)
      return Set(labelColumns)
    }
    let labelSet = Set(labelColumns)
    let featureColumns = (0..<m.columns).filter { !labelSet.contains($0) }
    let x = select(m, featureColumns), y = select(m, labelColumns)
    let names = m.names ?? (0..<m.columns).map { "column\($0 + 1)" }
    return try Dataset(x: x, y: y, featureNames: featureColumns.map { names[$0] }, labelNames: labelColumns.map { names[$0] },
                       name: lastPathComponent(path))
  }

  static func select(_ m: Matrix, _ columns: [Int]) -> Tensor {
    var out = Tensor(uninitializedShape: [m.rows, columns.count])
    out.withUnsafeMutableBufferPointer { dst in
      m.values.withUnsafeBufferPointer { src in
        var k = 0
        for r in 0..<m.rows {
          let row = r * m.columns
          for c in columns { dst[k] = src[row + c]; k += 1 }
        }
      }
    }
    return out
  }

  static func resolve(_ spec: LabelSpec, names: [String]?, columns: Int, path: String) throws -> [Int] {
    var result: [Int]
    switch spec {
    case .names(let wanted):
      guard let names else { throw DataError("\(path): label columns given by name need a header row (header = true)") }
      result = try wanted.map { w in
        guard let k = names.firstIndex(of: w) else {
          let hint = closestName(w, names).map { " (did you mean '\($0)'?)" } ?? ""
          throw DataError("\(path):1: no column named \(quoted(w)) in the header\(hint)")
        }
        return k
      }
    case .positions(let p):
      result = try p.map { c in
        guard c >= 1, c <= columns else { throw DataError("\(path): label column \(c) is out of range 1..\(columns)") }
        return c - 1
      }
    case .prefix(let prefix):
      guard let names else { throw DataError("\(path): label_prefix needs a header row (header = true)") }
      result = names.indices.filter { names[$0].hasPrefix(prefix) }
      guard !result.isEmpty else { throw DataError("\(path):1: no column name starts with \(quoted(prefix))") }
    case .last(let l):
      guard l >= 1, l < columns else { throw DataError("\(path): last = \(l) needs between 1 and \(columns - 1) label columns (the file has \(columns) columns)") }
      result = Array((columns - l)..<columns)
    }
    guard Set(result).count == result.count else { throw DataError("\(path): a label column is named twice") }
    guard result.count < columns else { throw DataError("\(path): every column is a label; no features are left") }
    return result.sorted()
  }

  /// Parses a table of numbers. `labels` is told the header names (if any) and the column
  /// count, and answers which columns must hold 0 or 1.
  public static func parse(_ bytes: [UInt8], path: String, header: Bool, delimiter: UInt8,
                           labels: ([String]?, Int) throws -> Set<Int> = { _, _ in [] }) throws -> Matrix {
    guard bytes.contains(where: { !isSpace($0) && $0 != 0x0A }) else { throw DataError("\(path): the file is empty") }
    return try bytes.withUnsafeBufferPointer { b in
      let base = b.baseAddress!  // cannot fail: an array has an address even when empty
      var pos = 0, line = 0
      var names: [String]? = nil
      var columns = -1
      var labelFlags: [Bool] = []
      var values: [Float] = []
      var rows = 0
      var field: [UInt8] = []

      // Splits the line [p, end) into fields; calls `body(index, start, count, quoted)`.
      func fields(_ p0: Int, _ end: Int, _ body: (Int, UnsafePointer<UInt8>, Int, Bool) throws -> Void) throws -> Int {
        var p = p0, k = 0
        while true {
          while p < end, b[p] == 0x20 || b[p] == 0x09, b[p] != delimiter { p += 1 }
          if p < end, b[p] == UInt8(ascii: "\"") {
            field.removeAll(keepingCapacity: true)
            p += 1
            while true {
              guard p < end else { throw DataError.at(path, line: line, "column \(k + 1): unterminated quoted field (expected a closing \")") }
              if b[p] == UInt8(ascii: "\"") {
                if p + 1 < end, b[p + 1] == UInt8(ascii: "\"") { field.append(0x22); p += 2; continue }
                p += 1; break
              }
              field.append(b[p]); p += 1
            }
            while p < end, b[p] == 0x20 || b[p] == 0x09, b[p] != delimiter { p += 1 }
            guard p >= end || b[p] == delimiter else {
              throw DataError.at(path, line: line, "column \(k + 1): expected a delimiter after the quoted field, got \(quoted(UnsafeBufferPointer(start: base + p, count: 1)))")
            }
            try field.withUnsafeBufferPointer { try body(k, $0.baseAddress ?? base, $0.count, true) }
          } else {
            var e = p
            while e < end, b[e] != delimiter { e += 1 }
            var t = e
            while t > p, b[t - 1] == 0x20 || b[t - 1] == 0x09 { t -= 1 }
            try body(k, base + p, t - p, false)
            p = e
          }
          k += 1
          if p >= end { return k }
          p += 1  // delimiter
        }
      }

      while pos < b.count {
        line += 1
        if line & 1023 == 0 { try RunDeadline.check() }
        let end = lineEnd(b, from: pos)
        let next = end + 1
        defer { pos = next }
        var lineEnd = end
        while lineEnd > pos, b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var q = pos
        while q < lineEnd, isSpace(b[q]) { q += 1 }
        if q == lineEnd { continue }
        if columns < 0 {
          if header {
            var n: [String] = []
            let count = try fields(pos, lineEnd) { _, s, c, _ in n.append(String(decoding: UnsafeBufferPointer(start: s, count: c), as: UTF8.self)) }
            names = n
            columns = count
            let l = try labels(names, columns)
            labelFlags = (0..<columns).map { l.contains($0) }
            continue
          }
          columns = try fields(pos, lineEnd) { _, _, _, _ in }
          let l = try labels(nil, columns)
          labelFlags = (0..<columns).map { l.contains($0) }
        }
        let rowStart = values.count
        values.append(contentsOf: repeatElement(0, count: columns))
        let count = try fields(pos, lineEnd) { k, s, c, _ in
          guard k < columns else {
            throw DataError.at(path, line: line, "expected \(columns) columns, got more (\(quoted(UnsafeBufferPointer(start: s, count: c))) is column \(k + 1))")
          }
          let label = labelFlags[k]
          let nameText = names.map { " ('\($0[k])')" } ?? ""
          guard let v = NumberParser.parse(s, c) else {
            throw DataError.at(path, line: line, "column \(k + 1)\(nameText): expected \(label ? "a label value 0 or 1" : "a number"), got \(c == 0 ? "an empty field" : quoted(UnsafeBufferPointer(start: s, count: c)))")
          }
          if label, v != 0, v != 1 {
            throw DataError.at(path, line: line, "column \(k + 1)\(nameText): expected a label value 0 or 1, got \(quoted(UnsafeBufferPointer(start: s, count: c)))")
          }
          values[rowStart + k] = Float(v)
        }
        guard count == columns else { throw DataError.at(path, line: line, "expected \(columns) columns, got \(count)") }
        rows += 1
      }
      guard rows > 0 else { throw DataError("\(path): no data rows\(header ? " after the header" : "")") }
      return Matrix(names: names, values: values, rows: rows, columns: columns)
    }
  }
}
