/// NumPy's broadcasting rule, with the loop that walks two broadcast operands.
extension Tensor {
  /// The shape two operands broadcast to: dimensions are matched from the right, and each
  /// pair must be equal or contain a 1.
  public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
    let rank = max(a.count, b.count)
    var out = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
      let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
      let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
      if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
        throw TensorError("shapes \(describeShape(a)) and \(describeShape(b)) do not broadcast")
      }
    }
    return out
  }

  /// Row-major strides of `shape` seen as `outShape` (0 along broadcast dimensions).
  @usableFromInline static func broadcastStrides(_ shape: [Int], to outShape: [Int]) -> [Int] {
    let pad = outShape.count - shape.count
    var strides = [Int](repeating: 0, count: outShape.count)
    var s = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[i + pad] = shape[i] == 1 ? 0 : s
      s *= shape[i]
    }
    return strides
  }

  /// out[i] = f(a[i], b[i]) over the broadcast of `a` and `b`.
  @inlinable
  static func broadcasting(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) throws -> Tensor {
    if a.shape == b.shape {
      let out = Tensor(uninitializedShape: a.shape)
      let pa = a.storage.pointer, pb = b.storage.pointer, po = out.storage.pointer
      for i in 0..<a.count { po[i] = f(pa[i], pb[i]) }
      return out
    }
    let shape = try broadcastShape(a.shape, b.shape)
    let out = try Tensor(budgetedShape: shape, for: "the broadcast of \(describeShape(a.shape)) and \(describeShape(b.shape))")
    if out.count == 0 { return out }
    let pa = a.storage.pointer, pb = b.storage.pointer, po = out.storage.pointer
    if b.count == 1 {
      let s = pb[0]
      for i in 0..<out.count { po[i] = f(pa[i], s) }
      return out
    }
    if a.count == 1 {
      let s = pa[0]
      for i in 0..<out.count { po[i] = f(s, pb[i]) }
      return out
    }
    let sa = broadcastStrides(a.shape, to: shape), sb = broadcastStrides(b.shape, to: shape)
    let rank = shape.count
    let inner = shape[rank - 1], ia = sa[rank - 1], ib = sb[rank - 1]
    let outer = out.count / max(inner, 1)
    var index = [Int](repeating: 0, count: rank)
    var offA = 0, offB = 0
    for o in 0..<outer {
      let dst = po + o * inner
      for j in 0..<inner { dst[j] = f(pa[offA + j * ia], pb[offB + j * ib]) }
      // Advance the odometer over the outer dimensions.
      var d = rank - 2
      while d >= 0 {
        index[d] += 1; offA += sa[d]; offB += sb[d]
        if index[d] < shape[d] { break }
        offA -= sa[d] * shape[d]; offB -= sb[d] * shape[d]; index[d] = 0
        d -= 1
      }
    }
    return out
  }

  /// out[i] = f(a[i]).
  @inlinable
  public func map(_ f: (Float) -> Float) -> Tensor {
    let out = Tensor(uninitializedShape: shape)
    let pa = storage.pointer, po = out.storage.pointer
    for i in 0..<count { po[i] = f(pa[i]) }
    return out
  }
}
