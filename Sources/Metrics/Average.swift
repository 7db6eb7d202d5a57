/// How per-label (or per-row) values combine into one number, as scikit-learn's `average`.
public enum Average: String, CaseIterable, Sendable {
  /// Pool every cell (ravel), then compute once.
  case micro
  /// Unweighted mean of the per-label values.
  case macro
  /// Mean of the per-label values weighted by support (positives per label).
  case weighted
  /// Mean of the per-row values.
  case samples
  /// No averaging: the per-label values.
  case none
}

/// A metric's value: one number, or one per label when not averaged.
public enum MetricValue: Equatable {
  case scalar(Double)
  case perLabel([Double])

  /// The number (nil when per label).
  public var scalar: Double? { if case .scalar(let d) = self { return d }; return nil }
}

/// scikit-learn's `_average_binary_score` combination of per-label scores: macro is the plain
/// mean (NaN propagates), weighted uses the support with zero-weight scores forced to 0 and
/// returns 0 when there is no support at all.
func combine(_ scores: [Double], support: [Int], average: Average) -> Double {
  switch average {
  case .weighted:
    let total = support.reduce(0, +)
    if total == 0 { return 0 }
    var s = 0.0
    for (v, w) in zip(scores, support) where w != 0 { s += v * Double(w) }
    return s / Double(total)
  default:
    return scores.reduce(0, +) / Double(scores.count)
  }
}
