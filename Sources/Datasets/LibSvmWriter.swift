import Tensors

/// Writes a dataset in multilabel LibSVM form: the 0-based positive labels joined by commas,
/// then `index:value` for each non-zero feature with 1-based indices.
public enum LibSvmWriter {
  public static func write(_ ds: Dataset, to path: String) throws {
    let labels = try ds.labelMatrix()
    var out: [UInt8] = []
    let d = ds.featureCount, l = labels.shape[1]
    ds.x.withUnsafeBufferPointer { x in
      labels.withUnsafeBufferPointer { y in
        for r in 0..<ds.count {
          var first = true
          for c in 0..<l where y[r * l + c] != 0 {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: String(c).utf8)
            first = false
          }
          for c in 0..<d where x[r * d + c] != 0 {
            out.append(0x20)
            out.append(contentsOf: String(c + 1).utf8)
            out.append(UInt8(ascii: ":"))
            CsvWriter.appendNumber(x[r * d + c], to: &out)
          }
          out.append(0x0A)
        }
      }
    }
    try FileBytes.write(out, to: path)
  }
}
