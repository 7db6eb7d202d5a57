import Foundation
import Tensors

/// A rule a weight is projected back onto after every optimizer step, as Keras's constraints:
/// `max_norm(m)` rescales each slice whose L2 norm over `axes` exceeds m to norm m (Keras:
/// `w * clip(n, 0, m) / (1e-7 + n)`); `unit_norm` divides by `1e-7 + n`; `non_neg` zeroes the
/// negative values. With the default axis 0 on a Dense kernel ([inputs, units]) a slice is one
/// unit's incoming weights.
public enum Constraint: Sendable, Equatable {
  case maxNorm(Double, axes: [Int])
  case unitNorm(axes: [Int])
  case nonNeg

  /// Keras's backend epsilon, added to the norms.
  static let epsilon = 1e-7

  public var name: String {
    switch self {
    case .maxNorm: return "max_norm"
    case .unitNorm: return "unit_norm"
    case .nonNeg: return "non_neg"
    }
  }

  /// Checks the axes against a weight's shape (an error naming the weight).
  public func check(_ w: Weight) throws {
    let axes: [Int]
    switch self {
    case .maxNorm(_, let a), .unitNorm(let a): axes = a
    case .nonNeg: return
    }
    for a in axes where a < 0 || a >= w.value.rank {
      throw LayerError("\(w.name): \(name) axis \(a) is outside its \(w.value.rank) axes (shape \(describeShape(w.value.shape)))")
    }
  }

  /// Projects the weight's values in place (as the optimizer updates them: whoever shares the
  /// tensor sees the projection, and the optimizer's state stays attached to it).
  public func apply(to w: Weight) {
    let p = w.value.storage.pointer, n = w.value.count
    switch self {
    case .nonNeg:
      for i in 0..<n where p[i] < 0 { p[i] = 0 }
    case .maxNorm(let m, let axes):
      rescale(p, shape: w.value.shape, axes: axes) { norm in min(max(norm, 0), m) / (Self.epsilon + norm) }
    case .unitNorm(let axes):
      rescale(p, shape: w.value.shape, axes: axes) { norm in 1 / (Self.epsilon + norm) }
    }
  }

  /// Multiplies each slice (the values sharing their coordinates off `axes`) by factor(its norm).
  private func rescale(_ p: UnsafeMutablePointer<Float>, shape: [Int], axes: [Int], factor: (Double) -> Double) {
    let n = shape.reduce(1, *)
    guard n > 0 else { return }
    let reduced = Set(axes.filter { $0 >= 0 && $0 < shape.count })
    // The slice each flat index belongs to: its coordinates on the kept axes, row-major.
    var strides = [Int](repeating: 1, count: shape.count)
    for i in stride(from: shape.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * shape[i + 1] }
    var keptStride = [Int](repeating: 0, count: shape.count)
    var slices = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) where !reduced.contains(i) {
      keptStride[i] = slices
      slices *= shape[i]
    }
    var slice = [Int](repeating: 0, count: n)
    for flat in 0..<n {
      var s = 0
      for i in 0..<shape.count { s += (flat / strides[i]) % shape[i] * keptStride[i] }
      slice[flat] = s
    }
    var sums = [Double](repeating: 0, count: slices)
    for flat in 0..<n { sums[slice[flat]] += Double(p[flat]) * Double(p[flat]) }
    let factors = sums.map { Float(factor($0.squareRoot())) }
    for flat in 0..<n { p[flat] *= factors[slice[flat]] }
  }

  /// As a model file stores it.
  public var config: [String: Any] {
    switch self {
    case .maxNorm(let m, let axes): return ["name": name, "max_value": m, "axis": axes]
    case .unitNorm(let axes): return ["name": name, "axis": axes]
    case .nonNeg: return ["name": name]
    }
  }
}
