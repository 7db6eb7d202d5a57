import Tensors

/// Average precision for multilabel data, as scikit-learn's `average_precision_score`:
/// Σ (R_k − R_{k−1}) P_k over the distinct score thresholds (no interpolation). A label
/// without positives scores 0, as scikit-learn's recall convention gives.
public enum AveragePrecision {
  public static func compute(_ truth: Truths, _ scores: Scores, average: Average = .macro) throws -> MetricValue {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    switch average {
    case .micro:
      return .scalar(truth.rankedPooled(scores).averagePrecision)
    case .samples:
      let rows = RowRanking.compute(truth, scores)
      return .scalar(rows.reduce(0) { $0 + $1.averagePrecision } / Double(rows.count))
    case .none:
      return .perLabel(truth.rankedLabels(scores).map(\.averagePrecision))
    case .macro, .weighted:
      let per = truth.rankedLabels(scores).map(\.averagePrecision)
      return .scalar(combine(per, support: truth.support, average: average))
    }
  }
}
