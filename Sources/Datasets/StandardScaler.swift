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
    try ColumnTransform.apply(x, width: mean.count, fitted: isFitted) { v, c in (v - mean[c]) / scale[c] }
  }

  public func inverseTransform(_ x: Tensor) throws -> Tensor {
    try ColumnTransform.apply(x, width: mean.count, fitted: isFitted) { v, c in v * scale[c] + mean[c] }
  }
}
