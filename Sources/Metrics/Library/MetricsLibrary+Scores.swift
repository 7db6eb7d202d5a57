import Catalog

extension MetricsLibrary {
  static var scoreEntries: [Entry] {
    [
      entry("roc_auc", "Area under the ROC curve, exact (ties as scikit-learn's roc_auc_score).",
            parameters: [truthParameter, scoreParameter], options: [averageOption()], returns: returnsNumberOrList,
            details: "A label with only positives or only negatives has an undefined AUC: it is NaN, so the macro average is NaN (as scikit-learn 1.9); weighted gives it weight 0. samples is NaN when a row has only one class.") { a in
        let (y, s) = try truthAndScores(a)
        return [value(try RocAuc.compute(y, s, average: average(a)))]
      },
      entry("average_precision", "Average precision: Σ (R_k − R_{k−1}) P_k over the distinct thresholds, not interpolated (scikit-learn's average_precision_score).",
            parameters: [truthParameter, scoreParameter], options: [averageOption()], returns: returnsNumberOrList,
            details: "A label (or row, for samples) without positives scores 0.") { a in
        let (y, s) = try truthAndScores(a)
        return [value(try AveragePrecision.compute(y, s, average: average(a)))]
      },
    ]
  }
}
