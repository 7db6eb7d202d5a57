import Tensors

/// Rescales columns to [low, high] using the minimum and maximum of the data it was fitted
/// on, in scikit-learn's arithmetic (float32): `x * scale + shift` with
/// `scale = (high - low) / (max - min)` and `shift = low - min * scale`. A constant column
/// (a range below 10 float32 epsilons) takes a range of 1, so it maps to low on the data it
/// was fitted on.
public final class MinMaxScaler {
  public private(set) var minimum: [Float] = []
  public private(set) var maximum: [Float] = []
  public private(set) var scale: [Float] = []
  public private(set) var shift: [Float] = []
  public let low: Float
  public let high: Float

  public init(low: Float = 0, high: Float = 1) throws {
    guard low < high else {
      throw DataError("the feature range's minimum (\(Tensor.format(low))) must be smaller than its maximum (\(Tensor.format(high)))")
    }
    self.low = low
    self.high = high
  }

  public var isFitted: Bool { !minimum.isEmpty }

  public func fit(_ x: Tensor) throws {
    guard x.rank == 2, x.rows > 0 else { throw DataError("fit expects a non-empty matrix, got \(describeShape(x.shape))") }
    let (n, d) = (x.rows, x.shape[1])
    var lo = [Float](repeating: .infinity, count: d), hi = [Float](repeating: -.infinity, count: d)
    x.withUnsafeBufferPointer { p in
      for r in 0..<n { for c in 0..<d { let v = p[r * d + c]; lo[c] = min(lo[c], v); hi[c] = max(hi[c], v) } }
    }
    minimum = lo
    maximum = hi
    scale = (0..<d).map { c in
      let range = hi[c] - lo[c]
      return (high - low) / (range < 10 * Float.ulpOfOne ? 1 : range)
    }
    shift = (0..<d).map { c in low - lo[c] * scale[c] }
  }

  public func transform(_ x: Tensor) throws -> Tensor {
    try ColumnTransform.apply(x, width: minimum.count, fitted: isFitted) { v, c in v * scale[c] + shift[c] }
  }

  /// The exact inverse of `transform`: `(x - shift) / scale`.
  public func inverseTransform(_ x: Tensor) throws -> Tensor {
    try ColumnTransform.apply(x, width: minimum.count, fitted: isFitted) { v, c in (v - shift[c]) / scale[c] }
  }
}
