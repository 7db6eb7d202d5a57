import Tensors

/// A curve averaged over labels: no thresholds, since each label has its own.
public struct MacroCurve: Equatable {
  /// The common grid (fpr for ROC, recall for precision-recall) and the mean of the labels' values on it.
  public var grid: [Double], mean: [Double]
}

/// Macro-averaged curves: each label's curve read off a common grid, then averaged.
///
/// - ROC: the grid is every fpr of every label's curve (sorted, distinct); each label's tpr
///   is interpolated linearly onto it (at an fpr where a label's curve rises vertically, its
///   highest tpr), as NumPy's `interp` does in scikit-learn's macro-ROC example.
/// - Precision-recall: the grid is every recall of every label's curve; each label's
///   precision at recall r is its interpolated precision, the highest precision at any
///   recall >= r. The points run from recall 1 down to recall 0, where precision is 1.
extension Curves {
  public static func macroRoc(_ truth: Truths, _ scores: Scores) throws -> MacroCurve {
    let curves = try (0..<truth.labels).map { try roc(truth, scores, .label($0)) }
    for (j, c) in curves.enumerated() where c.fpr.last?.isNaN ?? true || c.tpr.last?.isNaN ?? true {
      throw TensorError("label \(j + 1) has \(c.tpr.last?.isNaN ?? true ? "no positives" : "no negatives"): its ROC curve, so the macro curve, is undefined")
    }
    let grid = Array(Set(curves.flatMap(\.fpr))).sorted()
    var mean = [Double](repeating: 0, count: grid.count)
    for c in curves {
      for (k, x) in grid.enumerated() { mean[k] += interpolate(x, c.fpr, c.tpr) }
    }
    return MacroCurve(grid: grid, mean: mean.map { $0 / Double(curves.count) })
  }

  public static func macroPrecisionRecall(_ truth: Truths, _ scores: Scores) throws -> MacroCurve {
    let curves = try (0..<truth.labels).map { try precisionRecall(truth, scores, .label($0)) }
    let grid = Array(Set(curves.flatMap(\.recall))).sorted(by: >)
    var mean = [Double](repeating: 0, count: grid.count)
    for c in curves {
      for (k, r) in grid.enumerated() {
        var best = 0.0
        for (p, q) in zip(c.precision, c.recall) where q >= r { best = max(best, p) }
        mean[k] += best
      }
    }
    return MacroCurve(grid: grid, mean: mean.map { $0 / Double(curves.count) })
  }

  /// NumPy's `interp(x, xp, fp)` for non-decreasing `xp`: linear between the last point at or
  /// below x and the next, the end values outside.
  static func interpolate(_ x: Double, _ xp: [Double], _ fp: [Double]) -> Double {
    let n = xp.count
    if x < xp[0] { return fp[0] }
    if x >= xp[n - 1] { return fp[n - 1] }
    var lo = 0, hi = n - 1  // xp[lo] <= x < xp[hi]
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if xp[mid] <= x { lo = mid } else { hi = mid }
    }
    let slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo])
    return slope * (x - xp[lo]) + fp[lo]
  }
}
