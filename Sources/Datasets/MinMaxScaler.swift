import Tensors

/// Rescales columns to [low, high] using the minimum and maximum of the data it was fitted
/// on (a constant column maps to low).
public final class MinMaxScaler {
  public private(set) var minimum: [Float] = []
  public private(set) var maximum: [Float] = []
  public let low: Float
  public let high: Float

  public init(low: Float = 0, high: Float = 1) {
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
  }

  public func transform(_ x: Tensor) throws -> Tensor {
    let factors = (0..<minimum.count).map { c -> Float in let r = maximum[c] - minimum[c]; return r > 0 ? (high - low) / r : 0 }
    return try ColumnTransform.apply(x, width: minimum.count, fitted: isFitted) { v, c in (v - minimum[c]) * factors[c] + low }
  }
}
