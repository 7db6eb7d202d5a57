import Tensors

/// Writes a dataset as CSV: a header row (feature names, then label names), then one row per
/// example with the features followed by the labels. `CsvReader` with `.last(L)` reads it back.
public enum CsvWriter {
  public static func write(_ ds: Dataset, to path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws {
    var out: [UInt8] = []
    out.reserveCapacity(ds.count * (ds.featureCount + ds.labelCount) * 6)
    let names = ds.featureNames + ds.labelNames
    for (k, n) in names.enumerated() {
      if k > 0 { out.append(delimiter) }
      if n.utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || n != n.trimmingSpaces {
        out.append(0x22)
        for c in n.utf8 { if c == 0x22 { out.append(0x22) }; out.append(c) }
        out.append(0x22)
      } else {
        out.append(contentsOf: n.utf8)
      }
    }
    out.append(0x0A)
    let d = ds.featureCount, l = ds.labelCount
    ds.x.withUnsafeBufferPointer { x in
      ds.y.withUnsafeBufferPointer { y in
        for r in 0..<ds.count {
          for c in 0..<d { if c > 0 { out.append(delimiter) }; appendNumber(x[r * d + c], to: &out) }
          for c in 0..<l { if d + c > 0 { out.append(delimiter) }; appendNumber(y[r * l + c], to: &out) }
          out.append(0x0A)
        }
      }
    }
    try FileBytes.write(out, to: path)
  }

  /// The shortest text that reads back as the same float32; integers without a fraction.
  static func appendNumber(_ v: Float, to out: inout [UInt8]) {
    if v == v.rounded(), abs(v) < 1e7 { out.append(contentsOf: String(Int(v)).utf8) } else { out.append(contentsOf: "\(v)".utf8) }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return String(s)
  }
}
