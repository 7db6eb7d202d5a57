#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// Reads multilabel LibSVM files: `0,3,7 1:0.5 20:1` per line. Labels are 0-based class
/// numbers separated by commas (none for an example without labels); feature indices are
/// 1-based as in LibSVM and must increase along a line. `#` starts a comment.
public enum LibSvmReader {
  /// Column counts; inferred from the largest index seen when nil.
  public static func read(path: String, features: Int? = nil, labels: Int? = nil) throws -> Dataset {
    try parse(FileBytes.read(path), path: path, features: features, labels: labels)
  }

  public static func parse(_ bytes: [UInt8], path: String, features: Int? = nil, labels: Int? = nil) throws -> Dataset {
    guard bytes.contains(where: { !isSpace($0) && $0 != 0x0A }) else { throw DataError("\(path): the file is empty") }
    var rowLabels: [Int] = [], labelStarts: [Int] = [0]
    var featIndex: [Int] = [], featValue: [Float] = [], featStarts: [Int] = [0]
    var maxFeature = 0, maxLabel = -1
    try bytes.withUnsafeBufferPointer { b in
      let base = b.baseAddress!  // cannot fail: an array has an address even when empty
      var pos = 0, line = 0
      while pos < b.count {
        line += 1
        if line & 1023 == 0 { try RunDeadline.check() }
        var end = lineEnd(b, from: pos)
        let next = end + 1
        defer { pos = next }
        if let hash = memchr(base + pos, 0x23, end - pos) { end = UnsafePointer(hash.assumingMemoryBound(to: UInt8.self)) - base }
        var p = pos
        while p < end, isSpace(b[p]) { p += 1 }
        if p >= end { continue }
        func tokenEnd(_ s: Int) -> Int { var e = s; while e < end, !isSpace(b[e]) { e += 1 }; return e }
        var e = tokenEnd(p)
        // The label list, unless the first token is already a feature.
        if memchr(base + p, 0x3A, e - p) == nil {
          var s = p
          while s < e {
            var c = s
            while c < e, b[c] != UInt8(ascii: ",") { c += 1 }
            guard let l = NumberParser.parseInt(base + s, c - s), l >= 0 else {
              throw DataError.at(path, line: line, "expected a label (a non-negative integer, labels count from 0), got \(quoted(UnsafeBufferPointer(start: base + s, count: c - s)))")
            }
            if let labels, l >= labels {
              throw DataError.at(path, line: line, "label \(l) is out of range 0..\(labels - 1) (n_labels = \(labels))")
            }
            rowLabels.append(l)
            maxLabel = max(maxLabel, l)
            s = c + 1
            if c < e, s == e { throw DataError.at(path, line: line, "expected a label after ','") }
          }
          p = e
        }
        var previous = 0
        while true {
          while p < end, isSpace(b[p]) { p += 1 }
          if p >= end { break }
          e = tokenEnd(p)
          guard let colon = memchr(base + p, 0x3A, e - p) else {
            throw DataError.at(path, line: line, "expected index:value, got \(quoted(UnsafeBufferPointer(start: base + p, count: e - p)))")
          }
          let c = UnsafePointer<UInt8>(colon.assumingMemoryBound(to: UInt8.self)) - base
          guard let k = NumberParser.parseInt(base + p, c - p), k >= 1 else {
            throw DataError.at(path, line: line, "expected a feature index (an integer from 1, as in LibSVM), got \(quoted(UnsafeBufferPointer(start: base + p, count: c - p)))")
          }
          guard k > previous else { throw DataError.at(path, line: line, "feature index \(k) is out of order (after \(previous); indices must increase)") }
          if let features, k > features {
            throw DataError.at(path, line: line, "feature index \(k) is past n_features = \(features) (indices run 1..\(features))")
          }
          guard let v = NumberParser.parse(base + c + 1, e - c - 1) else {
            throw DataError.at(path, line: line, "feature \(k): expected a number, got \(quoted(UnsafeBufferPointer(start: base + c + 1, count: e - c - 1)))")
          }
          previous = k
          maxFeature = max(maxFeature, k)
          featIndex.append(k - 1); featValue.append(Float(v))
          p = e
        }
        labelStarts.append(rowLabels.count)
        featStarts.append(featIndex.count)
      }
    }
    let n = labelStarts.count - 1
    guard n > 0 else { throw DataError("\(path): no data rows") }
    let d = features ?? maxFeature, L = labels ?? (maxLabel + 1)
    guard d > 0 else { throw DataError("\(path): no features in any row (pass n_features)") }
    guard L > 0 else { throw DataError("\(path): no labels in any row (pass n_labels)") }
    guard Tensor.elementCount([n, d]) != nil, Tensor.elementCount([n, L]) != nil else {
      throw DataError("\(path): \(n) rows of \(d) features and \(L) labels are too large for a tensor (at most \(Tensor.maxElements) values each)")
    }
    try MemoryBudget.reserve(shapes: [[n, d], [n, L]], for: "\(path): \(n) rows of \(d) features and \(L) labels")
    var x = Tensor(shape: [n, d]), y = Tensor(shape: [n, L])
    x.withUnsafeMutableBufferPointer { xp in
      for r in 0..<n { for k in featStarts[r]..<featStarts[r + 1] { xp[r * d + featIndex[k]] = featValue[k] } }
    }
    y.withUnsafeMutableBufferPointer { yp in
      for r in 0..<n { for k in labelStarts[r]..<labelStarts[r + 1] { yp[r * L + rowLabels[k]] = 1 } }
    }
    return try Dataset(x: x, y: y, name: lastPathComponent(path))
  }
}
