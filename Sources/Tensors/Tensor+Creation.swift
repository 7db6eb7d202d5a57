extension Tensor {
  /// A tensor of zeros.
  public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }
  /// A tensor of ones.
  public static func ones(_ shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }
  /// A tensor filled with `value`.
  public static func full(_ shape: [Int], _ value: Float) -> Tensor { Tensor(shape: shape, repeating: value) }

  /// The n x n identity matrix.
  public static func eye(_ n: Int) throws -> Tensor {
    try validateShape([n, n])
    var t = Tensor.zeros([n, n])
    t.withUnsafeMutableBufferPointer { p in for i in 0..<n { p[i * n + i] = 1 } }
    return t
  }

  /// 0, 1, ..., n-1 (or start, start+step, ... below end).
  public static func arange(_ start: Float, _ end: Float, step: Float = 1) throws -> Tensor {
    guard step != 0 else { throw TensorError("step must not be zero") }
    guard start.isFinite, end.isFinite, step.isFinite else {
      throw TensorError("start, stop and step must be finite numbers, got \(format(start)), \(format(end)), \(format(step))")
    }
    let steps = ((end - start) / step).rounded(.up)
    guard steps <= Float(maxElements) else {
      throw TensorError("\(format(start)) to \(format(end)) by \(format(step)) is \(format(steps)) values, more than a tensor holds (\(maxElements))")
    }
    let n = max(0, Int(steps))  // cannot fail: steps is at most maxElements, and not NaN (finite bounds, non-zero step)
    try validateShape([n])  // asks the memory budget before allocating
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

  /// The most values one tensor may hold (2^34, 64 GiB of float32).
  public static let maxElements = 1 << 34

  /// The number of values of `shape`, or nil when a dimension is negative or the product
  /// overflows or exceeds `maxElements`.
  public static func elementCount(_ shape: [Int]) -> Int? {
    var total = 1
    for d in shape {
      guard d >= 0 else { return nil }
      let (p, o) = total.multipliedReportingOverflow(by: d)
      guard !o, p <= maxElements else { return nil }
      total = p
    }
    return total
  }

  /// Checks that a shape is valid for creation: every dimension a non-negative count, and at
  /// most `maxElements` values in all.
  public static func validateShape(_ shape: [Int]) throws {
    for (i, d) in shape.enumerated() where d < 0 {
      throw TensorError("dimension \(i + 1) must not be negative, got \(d)")
    }
    guard let total = elementCount(shape) else {
      throw TensorError("shape \(describeShape(shape)) is too large (more than \(maxElements) values)")
    }
    try MemoryBudget.reserve(floats: total, for: "a \(describeShape(shape)) tensor")
  }
}
