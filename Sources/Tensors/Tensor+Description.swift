/// How a tensor prints: a header line with its shape, then its values, elided in the middle
/// when large (at most 6 rows and 6 columns shown).
extension Tensor: CustomStringConvertible {
  public var description: String {
    var text = "tensor(\(describeShape(shape)), float32)"
    if count == 0 { return text + " []" }
    switch rank {
    case 0: return text + " " + Tensor.format(storage.pointer[0])
    case 1: return text + "\n" + Tensor.formatRow(storage.pointer, count: shape[0])
    default:
      let r = shape[0], width = count / r
      let shown = Tensor.elide(r)
      text += "\n["
      for (k, i) in shown.enumerated() {
        if k > 0 { text += ",\n " }
        if i < 0 { text += "..."; continue }
        text += Tensor.formatRow(storage.pointer + i * width, count: width)
      }
      if rank > 2 { text += "]  (rows flattened to \(width) values)" } else { text += "]" }
      return text
    }
  }

  /// Indices to show from 0..<n, with -1 where the elision goes.
  static func elide(_ n: Int) -> [Int] {
    n <= 6 ? Array(0..<n) : [0, 1, 2, -1, n - 3, n - 2, n - 1]
  }

  static func formatRow(_ p: UnsafePointer<Float>, count: Int) -> String {
    "[" + elide(count).map { $0 < 0 ? "..." : format(p[$0]) }.joined(separator: ", ") + "]"
  }

  /// A value with up to 4 significant decimals, integers without a fraction.
  public static func format(_ v: Float) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    if v == v.rounded(), Swift.abs(v) < 1e7 { return String(Int(v)) }
    let a = Swift.abs(v)
    if a >= 1e-3 && a < 1e5 {
      var s = String(Double(v).roundedTo(places: 4))
      if s.contains(".") { while s.hasSuffix("0") { s.removeLast() } }
      return s
    }
    return String(format: v)
  }
}

extension Double {
  func roundedTo(places: Int) -> Double {
    var m = 1.0
    for _ in 0..<places { m *= 10 }
    return (self * m).rounded() / m
  }
}

extension String {
  /// Scientific notation with 4 significant digits, without Foundation's formatter.
  init(format v: Float) {
    let d = Double(v)
    let e = d == 0 ? 0 : Int((Swift.abs(d)).log10Floor())
    let mant = d / pow10(e)
    self = "\(mant.roundedTo(places: 3))e\(e)"
  }
}

private func pow10(_ e: Int) -> Double {
  var r = 1.0
  if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
  return r
}

extension Double {
  func log10Floor() -> Double {
    var e = 0.0, x = self
    while x >= 10 { x /= 10; e += 1 }
    while x < 1 { x *= 10; e -= 1 }
    return e
  }
}
