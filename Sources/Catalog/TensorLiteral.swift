import Tensors

/// Tensors from nested lists of numbers (`{{1, 2}, {3, 4}}`) and back.
public enum TensorLiteral {
  /// A rectangular nest of numbers as a tensor; ragged or non-numeric input is an error
  /// naming the position.
  public static func tensor(from v: Value) throws -> Tensor {
    var shape: [Int] = []
    var probe = v
    while case .list(let items) = probe {
      shape.append(items.count)
      guard let first = items.first else { break }
      probe = first
    }
    var scalars: [Float] = []
    scalars.reserveCapacity(shape.reduce(1, *))
    try flatten(v, depth: 0, shape: shape, path: [], into: &scalars)
    return Tensor(shape: shape, scalars: scalars)
  }

  private static func flatten(_ v: Value, depth: Int, shape: [Int], path: [Int], into out: inout [Float]) throws {
    let at = path.isEmpty ? "" : " at [" + path.map { String($0 + 1) }.joined(separator: "][") + "]"
    if depth == shape.count {
      switch v {
      case .integer(let i): out.append(Float(i))
      case .number(let d): out.append(Float(d))
      case .bool(let b): throw TensorError("expected a number\(at), got a boolean (\(b))")
      default: throw TensorError("expected a number\(at), got \(v.summary)")
      }
      return
    }
    guard case .list(let items) = v else {
      throw TensorError("expected a list of \(shape[depth])\(at) (rows must all have the same length), got \(v.summary)")
    }
    guard items.count == shape[depth] else {
      throw TensorError("ragged table: expected \(shape[depth]) values\(at), got \(items.count)")
    }
    for (k, item) in items.enumerated() {
      try flatten(item, depth: depth + 1, shape: shape, path: path + [k], into: &out)
    }
  }

  /// A tensor as nested lists (a scalar as a number).
  public static func value(of t: Tensor) -> Value {
    if t.rank == 0 { return .number(Double(t.storage.pointer[0])) }
    return t.withUnsafeBufferPointer { p in nest(p, shape: t.shape[...], offset: 0) }
  }

  private static func nest(_ p: UnsafeBufferPointer<Float>, shape: ArraySlice<Int>, offset: Int) -> Value {
    let n = shape.first ?? 0  // never empty: `value(of:)` passes rank >= 1 and recursion stops at rank 1
    if shape.count == 1 { return .list((0..<n).map { .number(Double(p[offset + $0])) }) }
    let width = shape.dropFirst().reduce(1, *)
    return .list((0..<n).map { nest(p, shape: shape.dropFirst(), offset: offset + $0 * width) })
  }
}
