import Tensors

/// Label encodings.
public enum Encoding {
  /// Class indices 0..<classes (an n vector or n x 1 matrix) as an n x classes 0/1 matrix.
  public static func oneHot(_ y: Tensor, classes: Int) throws -> Tensor {
    guard classes > 0 else { throw DataError("the number of classes must be positive, got \(classes)") }
    guard y.rank == 1 || (y.rank == 2 && y.shape[1] == 1) else {
      throw DataError("one_hot expects a vector or an n x 1 matrix of class indices, got \(describeShape(y.shape))")
    }
    let n = y.rows
    guard Tensor.elementCount([n, classes]) != nil else {
      throw DataError("\(n) rows of \(classes) classes are too large for a tensor (at most \(Tensor.maxElements) values)")
    }
    try MemoryBudget.reserve(shapes: [[n, classes]], for: "one_hot of \(n) rows and \(classes) classes")
    var out = Tensor(shape: [n, classes])
    try y.withUnsafeBufferPointer { src in
      try out.withUnsafeMutableBufferPointer { dst in
        for i in 0..<n {
          let v = src[i]
          guard v.isFinite, v == v.rounded(), v >= 0, v < Float(Tensor.maxElements), Int(v) < classes else {
            throw DataError("row \(i + 1): class \(Tensor.format(v)) is not an integer in 0..\(classes - 1)")
          }
          dst[i * classes + Int(v)] = 1
        }
      }
    }
    return out
  }
}
