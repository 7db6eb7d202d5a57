import Catalog

extension MetricsLibrary {
  static var scoreEntries: [Entry] {
    [
      entry("roc_auc", "Area under the ROC curve, exact (ties as scikit-learn's roc_auc_score).", returns: returnsNumberOrList,
            details: "A label with only positives or only negatives has an undefined AUC: it is NaN, so the macro average is NaN (as scikit-learn 1.9); weighted gives it weight 0. samples is NaN when a row has only one class.") { d in
        let ys = TruthAndScores(d)
        let average = d.option(averageOption(), Average.self)
        return { a in
          let (y, s) = try ys.read(a)
          return [value(try RocAuc.compute(y, s, average: try a[average]))]
        }
      },
      entry("average_precision", "Average precision: Σ (R_k − R_{k−1}) P_k over the distinct thresholds, not interpolated (scikit-learn's average_precision_score).",
            returns: returnsNumberOrList, details: "A label (or row, for samples) without positives scores 0.") { d in
        let ys = TruthAndScores(d)
        let average = d.option(averageOption(), Average.self)
        return { a in
          let (y, s) = try ys.read(a)
          return [value(try AveragePrecision.compute(y, s, average: try a[average]))]
        }
      },
    ]
  }
}
