import Tensors

/// The area under a curve given as points, by the trapezoidal rule (scikit-learn's `auc`).
public enum Auc {
  /// `x` must be monotonic: increasing (ties allowed) or decreasing, in which case the
  /// area is still positive for a positive `y`.
  public static func trapezoid(x: [Double], y: [Double]) throws -> Double {
    guard x.count == y.count else {
      throw TensorError("'x' has \(x.count) points but 'y' has \(y.count); they must have the same length")
    }
    guard x.count >= 2 else {
      throw TensorError("at least 2 points are needed to compute an area, got \(x.count)")
    }
    if let k = x.firstIndex(where: { $0.isNaN }) { throw TensorError("'x' holds NaN at point \(k + 1)") }
    var falls = false, rises = false
    for k in 1..<x.count {
      if x[k] < x[k - 1] { falls = true } else if x[k] > x[k - 1] { rises = true }
    }
    if falls && rises {
      throw TensorError("'x' is neither increasing nor decreasing: it must be monotonic")
    }
    var area = 0.0
    for k in 1..<x.count { area += (x[k] - x[k - 1]) * (y[k] + y[k - 1]) / 2 }
    return falls ? -area : area
  }
}
