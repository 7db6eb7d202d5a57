import Tensors

/// Copies chosen rows of a matrix, into a new tensor or a reused buffer.
public enum RowGather {
  /// Rows `indices` (0-based) of `source`, in that order.
  public static func rows(of source: Tensor, _ indices: [Int]) throws -> Tensor {
    let shape = [indices.count] + Array(source.shape.dropFirst())
    guard Tensor.elementCount(shape) != nil else {
      throw DataError("\(indices.count) rows of \(source.columns) values are too large for a tensor (at most \(Tensor.maxElements) values)")
    }
    var out = Tensor(uninitializedShape: shape)
    try gather(source, indices[...], into: &out)
    return out
  }

  /// Writes rows `indices` of `source` into the first `indices.count` rows of `buffer`
  /// (whose row width must match); no allocation when `buffer` is uniquely owned.
  static func gather(_ source: Tensor, _ indices: ArraySlice<Int>, into buffer: inout Tensor) throws {
    let width = source.columns
    guard buffer.columns == width, buffer.rows >= indices.count else {
      throw DataError("cannot gather \(indices.count) rows of width \(width) into a \(describeShape(buffer.shape)) buffer")
    }
    let n = source.rows
    for i in indices where i < 0 || i >= n {
      throw DataError("row \(i + 1) is out of range 1..\(n)")
    }
    source.withUnsafeBufferPointer { src in
      buffer.withUnsafeMutableBufferPointer { dst in
        guard let s = src.baseAddress, let d = dst.baseAddress else { return }
        var k = 0
        for i in indices {
          (d + k * width).update(from: s + i * width, count: width)
          k += 1
        }
      }
    }
  }
}
