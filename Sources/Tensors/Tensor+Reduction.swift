/// Reductions over all elements or along one axis.
public enum Reduction: String, CaseIterable, Sendable {
  case sum, mean, max, min, argmax, argmin
}

extension Reduction {
  var kernel: Reduce.Op? {
    switch self {
    case .sum: return .sum
    case .mean: return .mean
    case .max: return .max
    case .min: return .min
    case .argmax, .argmin: return nil
    }
  }
}

extension Tensor {
  /// Reduces all elements to a scalar tensor. Sums accumulate in Double, in index order.
  public func reduced(_ r: Reduction) throws -> Tensor {
    try reduced(r, axis: nil, keepDims: false)
  }

  /// Reduces along `axis` (0-based; nil: all elements). The axis is removed from the shape
  /// unless `keepDims`. `argmax`/`argmin` give 0-based indices as floats.
  public func reduced(_ r: Reduction, axis: Int?, keepDims: Bool = false) throws -> Tensor {
    var out = try values(r, axis: axis, keepDims: keepDims)
    guard Autograd.isRecording, requiresGrad, r != .argmax, r != .argmin else { return out }
    let a = self, result = out
    out.record(r.rawValue, [a]) { g in
      // The gradient and the result with the reduced axis kept, so they broadcast over `a`.
      var kept = a.shape
      if let axis { kept[axis] = 1 } else { kept = kept.map { _ in 1 } }
      let gk = try g.reshaped(kept), rk = try result.reshaped(kept)
      switch r {
      case .sum: return [try Tensor.zeros(a.shape).values(.add, gk)]
      case .mean:
        let n = axis.map { a.shape[$0] } ?? a.count
        return [try Tensor.zeros(a.shape).values(.add, gk.values(.div, Tensor(scalar: Float(n))))]
      default:
        // max/min: shared evenly among the positions that attain it.
        let mask = try a.compared(.eq, rk)
        let ties = try mask.values(.sum, axis: axis, keepDims: true)
        return [try mask.values(.mul, gk.values(.div, ties))]
      }
    }
    return out
  }

  /// The reduction's values, never recorded.
  func values(_ r: Reduction, axis: Int?, keepDims: Bool = false) throws -> Tensor {
    if count == 0, r != .sum {
      throw TensorError("cannot take \(r.rawValue) of an empty tensor")
    }
    guard let axis else {
      let v: Float
      switch r {
      case .sum: v = Float(Reduce.sum(storage.pointer, count: count))
      case .mean: v = Float(Reduce.mean(storage.pointer, count: count))
      case .max: v = Reduce.max(storage.pointer, count: count)
      case .min: v = Reduce.min(storage.pointer, count: count)
      case .argmax, .argmin: v = Tensor.reduceRun(storage.pointer, count: count, stride: 1, r)
      }
      return keepDims ? Tensor(shape: shape.map { _ in 1 }, repeating: v) : Tensor(scalar: v)
    }
    guard axis >= 0, axis < rank else {
      throw TensorError("axis \(axis + 1) is out of range for a \(rank)-dimensional tensor of shape \(describeShape(shape))")
    }
    if shape[axis] == 0, r != .sum {
      throw TensorError("cannot take \(r.rawValue) along an empty dimension")
    }
    let outer = shape[..<axis].reduce(1, *)
    let n = shape[axis]
    let inner = shape[(axis + 1)...].reduce(1, *)
    var outShape = shape
    if keepDims { outShape[axis] = 1 } else { outShape.remove(at: axis) }
    let out = Tensor(uninitializedShape: outShape)
    let src = storage.pointer, dst = out.storage.pointer
    if rank == 2, let op = r.kernel {
      Reduce.reduce(op, src, rows: shape[0], cols: shape[1], axis: axis, out: dst)
      return out
    }
    for o in 0..<outer {
      for i in 0..<inner {
        dst[o * inner + i] = Tensor.reduceRun(src + o * n * inner + i, count: n, stride: inner, r)
      }
    }
    return out
  }

  static func reduceRun(_ p: UnsafePointer<Float>, count n: Int, stride s: Int, _ r: Reduction) -> Float {
    switch r {
    case .sum, .mean:
      var acc = 0.0
      for i in 0..<n { acc += Double(p[i * s]) }
      return Float(r == .mean ? acc / Double(n) : acc)
    case .max, .min:
      var best = p[0]
      for i in 1..<max(n, 1) {
        let v = p[i * s]
        if v.isNaN { return .nan }
        if r == .max ? v > best : v < best { best = v }
      }
      return best
    case .argmax, .argmin:
      var best = p[0], at = 0
      for i in 1..<max(n, 1) {
        let v = p[i * s]
        if r == .argmax ? v > best : v < best { best = v; at = i }
      }
      return Float(at)
    }
  }
}
