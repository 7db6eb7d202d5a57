import Tensors

/// A weight or activity penalty as Keras 3 defines it: `l1 Σ|x| + l2 Σx²` (no factor 1/2), its
/// gradient `l1 sign(x) + 2 l2 x` (sign(0) = 0). `regularizers.l1(0.01)`, `l2(0.01)` and
/// `l1_l2{l1 =, l2 =}` make one; the strings "l1" and "l2" take Keras's default 0.01.
public struct Regularizer: Sendable, Equatable {
  public var l1: Double
  public var l2: Double

  public init(l1: Double = 0, l2: Double = 0) {
    self.l1 = l1
    self.l2 = l2
  }

  /// The penalty of `count` values, summed in Double.
  public func penalty(_ x: UnsafePointer<Float>, count: Int) -> Double {
    var a = 0.0, s = 0.0
    for i in 0..<count {
      let v = Double(x[i])
      a += abs(v)
      s += v * v
    }
    return l1 * a + l2 * s
  }

  public func penalty(_ t: Tensor) -> Double { penalty(t.storage.pointer, count: t.count) }

  /// `g[i] += l1 sign(x[i]) + 2 l2 x[i]`.
  public func addGradient(of x: UnsafePointer<Float>, into g: UnsafeMutablePointer<Float>, count: Int) {
    let a = Float(l1), b = Float(2 * l2)
    for i in 0..<count {
      let v = x[i]
      let sign: Float = v > 0 ? 1 : (v < 0 ? -1 : 0)
      g[i] += a * sign + b * v
    }
  }

  /// As a model file stores it.
  public var config: [String: Any] { ["l1": l1, "l2": l2] }
}
