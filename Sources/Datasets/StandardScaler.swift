import Tensors

/// Standardises columns: (x - mean) / std, with the mean and the population standard
/// deviation of the data it was fitted on (a constant column is only centred).
public final class StandardScaler {
  public private(set) var mean: [Float] = []
  public private(set) var scale: [Float] = []
  public init() {}

  public var isFitted: Bool { !mean.isEmpty }

  public func fit(_ x: Tensor) throws {
    guard x.rank == 2, x.rows > 0 else { throw DataError("fit expects a non-empty matrix, got \(describeShape(x.shape))") }
    let (n, d) = (x.rows, x.shape[1])
    var sum = [Double](repeating: 0, count: d), sq = [Double](repeating: 0, count: d)
    x.withUnsafeBufferPointer { p in
      for r in 0..<n { for c in 0..<d { sum[c] += Double(p[r * d + c]) } }
      for c in 0..<d { sum[c] /= Double(n) }
      for r in 0..<n { for c in 0..<d { let v = Double(p[r * d + c]) - sum[c]; sq[c] += v * v } }
    }
    mean = sum.map(Float.init)
    scale = sq.map { let s = ($0 / Double(n)).squareRoot(); return s > 1e-12 ? Float(s) : 1 }
  }

  public func transform(_ x: Tensor) throws -> Tensor {
    guard isFitted else { throw DataError("the scaler is not fitted: call fit first") }
    guard x.rank == 2, x.shape[1] == mean.count else {
      throw DataError("the scaler was fitted on \(mean.count) columns, got \(describeShape(x.shape))")
    }
    var out = x
    let d = mean.count
    out.withUnsafeMutableBufferPointer { p in
      for r in 0..<x.rows { for c in 0..<d { p[r * d + c] = (p[r * d + c] - mean[c]) / scale[c] } }
    }
    return out
  }

  public func inverseTransform(_ x: Tensor) throws -> Tensor {
    guard isFitted else { throw DataError("the scaler is not fitted: call fit first") }
    guard x.rank == 2, x.shape[1] == mean.count else {
      throw DataError("the scaler was fitted on \(mean.count) columns, got \(describeShape(x.shape))")
    }
    var out = x
    let d = mean.count
    out.withUnsafeMutableBufferPointer { p in
      for r in 0..<x.rows { for c in 0..<d { p[r * d + c] = p[r * d + c] * scale[c] + mean[c] } }
    }
    return out
  }
}
