/// Rows, columns, ranges of rows, transposition and joining.
extension Tensor {
  /// Row `i` (0-based) of a tensor of rank >= 1, with the first dimension dropped.
  public func row(_ i: Int) throws -> Tensor {
    guard rank >= 1 else { throw TensorError("a scalar has no rows") }
    guard i >= 0, i < shape[0] else { throw TensorError("row \(i + 1) is out of range 1..\(shape[0])") }
    return try rows(i..<(i + 1)).reshaped(Array(shape.dropFirst()))
  }

  /// Rows in `range` (0-based, half-open), keeping the other dimensions.
  public func rows(_ range: Range<Int>) throws -> Tensor {
    guard rank >= 1 else { throw TensorError("a scalar has no rows") }
    guard range.lowerBound >= 0, range.upperBound <= shape[0] else {
      throw TensorError("rows \(range.lowerBound + 1)..\(range.upperBound) are out of range 1..\(shape[0])")
    }
    let width = shape.dropFirst().reduce(1, *)
    var outShape = shape; outShape[0] = range.count
    var out = Tensor(uninitializedShape: outShape)
    out.storage.pointer.update(from: storage.pointer + range.lowerBound * width, count: range.count * width)
    let full = shape
    out.record("rows", [self]) { g in
      let z = Tensor.zeros(full)
      (z.storage.pointer + range.lowerBound * width).update(from: g.storage.pointer, count: g.count)
      return [z]
    }
    return out
  }

  /// Rows in `range` without recording (for gradients).
  func values(rows range: Range<Int>) throws -> Tensor {
    try Autograd.withoutGradients { try rows(range) }
  }

  /// Rows picked by index (0-based), in the order given.
  public func gatherRows(_ indices: [Int]) throws -> Tensor {
    guard rank >= 1 else { throw TensorError("a scalar has no rows") }
    let width = shape.dropFirst().reduce(1, *)
    var outShape = shape; outShape[0] = indices.count
    try Tensor.validateShape(outShape)
    var out = try Tensor(budgetedShape: outShape, for: "the \(indices.count) rows picked")
    for (k, i) in indices.enumerated() {
      guard i >= 0, i < shape[0] else { throw TensorError("row \(i + 1) is out of range 1..\(shape[0])") }
      (out.storage.pointer + k * width).update(from: storage.pointer + i * width, count: width)
    }
    let full = shape
    out.record("index_select", [self]) { g in
      let z = Tensor.zeros(full)
      for (k, i) in indices.enumerated() {
        for j in 0..<width { z.storage.pointer[i * width + j] += g.storage.pointer[k * width + j] }
      }
      return [z]
    }
    return out
  }

  /// Columns in `range` (0-based, half-open) of a matrix.
  public func columns(_ range: Range<Int>) throws -> Tensor {
    guard rank == 2 else { throw TensorError("columns need a matrix, got shape \(describeShape(shape))") }
    let (r, c) = (shape[0], shape[1])
    guard range.lowerBound >= 0, range.upperBound <= c else {
      throw TensorError("columns \(range.lowerBound + 1)..\(range.upperBound) are out of range 1..\(c)")
    }
    var out = Tensor(uninitializedShape: [r, range.count])
    for i in 0..<r {
      (out.storage.pointer + i * range.count).update(from: storage.pointer + i * c + range.lowerBound, count: range.count)
    }
    out.record("columns", [self]) { g in
      let z = Tensor.zeros([r, c])
      for i in 0..<r {
        (z.storage.pointer + i * c + range.lowerBound).update(from: g.storage.pointer + i * range.count, count: range.count)
      }
      return [z]
    }
    return out
  }

  /// The transpose of a matrix (a vector is returned as a column).
  public func transposed() throws -> Tensor {
    if rank == 1 { return try reshaped([shape[0], 1]) }
    guard rank == 2 else { throw TensorError("transpose needs a matrix, got shape \(describeShape(shape))") }
    let (r, c) = (shape[0], shape[1])
    var out = Tensor(uninitializedShape: [c, r])
    let src = storage.pointer, dst = out.storage.pointer
    let block = 32
    for i0 in stride(from: 0, to: r, by: block) {
      for j0 in stride(from: 0, to: c, by: block) {
        for i in i0..<min(i0 + block, r) {
          for j in j0..<min(j0 + block, c) { dst[j * r + i] = src[i * c + j] }
        }
      }
    }
    out.record("transpose", [self]) { g in [try g.transposed()] }
    return out
  }

  /// Tensors stacked along the first dimension; all other dimensions must agree.
  public static func concatenateRows(_ parts: [Tensor]) throws -> Tensor {
    guard let first = parts.first else { throw TensorError("nothing to concatenate") }
    let tail = Array(first.shape.dropFirst())
    for (k, p) in parts.enumerated() where p.rank < 1 || Array(p.shape.dropFirst()) != tail {
      throw TensorError("part \(k + 1) has shape \(describeShape(p.shape)), expected rows of shape \(describeShape(tail))")
    }
    var total = 0
    for p in parts {
      let (sum, overflow) = total.addingReportingOverflow(p.shape[0])
      guard !overflow else { throw TensorError("the concatenation of \(parts.count) parts is too large for a tensor") }
      total = sum
    }
    var out = try Tensor(budgetedShape: [total] + tail, for: "the concatenation of \(parts.count) parts")
    var offset = 0
    for p in parts {
      (out.storage.pointer + offset).update(from: p.storage.pointer, count: p.count)
      offset += p.count
    }
    out.record("concat", parts) { g in
      var start = 0
      return try parts.map { p in
        defer { start += p.shape[0] }
        return try g.values(rows: start..<(start + p.shape[0]))
      }
    }
    return out
  }
}
