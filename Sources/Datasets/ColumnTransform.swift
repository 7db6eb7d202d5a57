import Tensors

/// What every fitted scaler does to new data: check it has the fitted columns, then map each
/// value with its column's statistics.
enum ColumnTransform {
  static func apply(_ x: Tensor, width: Int, fitted: Bool, _ f: (Float, Int) -> Float) throws -> Tensor {
    guard fitted else { throw DataError("the scaler is not fitted: call fit first") }
    guard x.rank == 2, x.shape[1] == width else {
      throw DataError("the scaler was fitted on \(width) columns, got \(describeShape(x.shape))")
    }
    var out = x.detached()
    out.withUnsafeMutableBufferPointer { p in
      for r in 0..<x.rows { for c in 0..<width { p[r * width + c] = f(p[r * width + c], c) } }
    }
    return out
  }
}
