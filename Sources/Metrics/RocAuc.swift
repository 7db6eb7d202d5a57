import Tensors

/// Area under the ROC curve for multilabel data, as scikit-learn's `roc_auc_score`.
///
/// Exact: each label is sorted once (O(n log n)) and ties are one step, as in
/// `_binary_clf_curve`. A label (or row, for `samples`) with only one class gives NaN, as
/// scikit-learn 1.9 does, so `macro` and `samples` are NaN then; `weighted` gives such
/// labels weight 0 and does not.
public enum RocAuc {
  public static func compute(_ truth: Truths, _ scores: Scores, average: Average = .macro) throws -> MetricValue {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    switch average {
    case .micro:
      return .scalar(truth.rankedPooled(scores).rocAuc)
    case .samples:
      let rows = RowRanking.compute(truth, scores)
      return .scalar(rows.reduce(0) { $0 + $1.rocAuc } / Double(rows.count))
    case .none:
      return .perLabel(truth.rankedLabels(scores).map(\.rocAuc))
    case .macro, .weighted:
      let per = truth.rankedLabels(scores).map(\.rocAuc)
      return .scalar(combine(per, support: truth.support, average: average))
    }
  }
}
