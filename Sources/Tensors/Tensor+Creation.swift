extension Tensor {
  /// A tensor of zeros.
  public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
  /// A tensor of ones.
  public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }
  /// A tensor filled with `value`.
  public static func full(_ shape: [Int], _ value: Float) -> Tensor { Tensor(shape: shape, repeating: value) }

  /// The n x n identity matrix.
  public static func eye(_ n: Int) -> Tensor {
    var t = Tensor.zeros([n, n])
    t.withUnsafeMutableBufferPointer { p in for i in 0..<n { p[i * n + i] = 1 } }
    return t
  }

  /// 0, 1, ..., n-1 (or start, start+step, ... below end).
  public static func arange(_ start: Float, _ end: Float, step: Float = 1) throws -> Tensor {
    guard step != 0 else { throw TensorError("step must not be zero") }
    let n = max(0, Int(((end - start) / step).rounded(.up)))
    var t = Tensor(uninitializedShape: [n])
    t.withUnsafeMutableBufferPointer { p in for i in 0..<n { p[i] = start + Float(i) * step } }
    return t
  }

  /// Standard normal values (times `std`, plus `mean`) from a random stream.
  public static func randomNormal(_ shape: [Int], mean: Float = 0, std: Float = 1, stream: inout RandomStream) -> Tensor {
    var t = Tensor(uninitializedShape: shape)
    t.withUnsafeMutableBufferPointer { p in for i in 0..<p.count { p[i] = stream.normal(mean: mean, std: std) } }
    return t
  }

  /// Uniform values in [low, high) from a random stream.
  public static func randomUniform(_ shape: [Int], low: Float = 0, high: Float = 1, stream: inout RandomStream) -> Tensor {
    var t = Tensor(uninitializedShape: shape)
    t.withUnsafeMutableBufferPointer { p in for i in 0..<p.count { p[i] = stream.uniform(low, high) } }
    return t
  }

  /// Checks that a shape is valid for creation: every dimension a non-negative count.
  public static func validateShape(_ shape: [Int]) throws {
    for (i, d) in shape.enumerated() where d < 0 {
      throw TensorError("dimension \(i + 1) must not be negative, got \(d)")
    }
    var total = 1
    for d in shape {
      let (p, o) = total.multipliedReportingOverflow(by: d)
      guard !o, p <= 1 << 34 else { throw TensorError("shape \(describeShape(shape)) is too large") }
      total = p
    }
    try MemoryBudget.reserve(floats: total, for: "a \(describeShape(shape)) tensor")
  }
}
