import Catalog

extension MetricsLibrary {
  static func thresholdEntry(_ metric: ThresholdMetric, _ summary: String) -> Entry {
    entry(metric.rawValue, summary, returns: returnsNumberOrList) { d in
      let yp = TruthAndPredictions(d)
      let average = d.option(averageOption(), Average.self)
      let zeroDivision = d.option(zeroDivisionOption, Double.self)
      let threshold = d.option(thresholdOption, Value.self)
      return { a in
        let (y, p) = try yp.read(a, threshold: threshold)
        return [value(try metric.compute(y, p, average: try a[average], zeroDivision: try a[zeroDivision]))]
      }
    }
  }

  static func countsEntry(_ name: String, _ summary: String, returns: Returned, _ f: @escaping @Sendable (ConfusionCounts) -> Value) -> Entry {
    entry(name, summary, returns: [returns]) { d in
      let yp = TruthAndPredictions(d)
      let threshold = d.option(thresholdOption, Value.self)
      return { a in
        let (y, p) = try yp.read(a, threshold: threshold)
        return [f(ConfusionCounts(y, p))]
      }
    }
  }

  static var thresholdEntries: [Entry] {
    [
      thresholdEntry(.f1, "F1 score 2·tp / (2·tp + fp + fn) of the predictions (scikit-learn's f1_score)."),
      thresholdEntry(.precision, "Precision tp / (tp + fp) of the predictions (scikit-learn's precision_score)."),
      thresholdEntry(.recall, "Recall tp / (tp + fn) of the predictions (scikit-learn's recall_score)."),
      thresholdEntry(.jaccard, "Jaccard index tp / (tp + fp + fn) of the predictions (scikit-learn's jaccard_score)."),
      countsEntry("hamming_loss", "Fraction of cells predicted wrongly (scikit-learn's hamming_loss).",
                  returns: Returned(.number, "the loss, in [0, 1]")) { .number($0.hammingLoss) },
      countsEntry("subset_accuracy", "Fraction of rows whose labels are all predicted exactly (scikit-learn's accuracy_score on multilabel data).",
                  returns: Returned(.number, "the accuracy, in [0, 1]")) { .number($0.subsetAccuracy) },
      countsEntry("binary_accuracy", "Fraction of cells predicted rightly (Keras's binary_accuracy, with p >= threshold).",
                  returns: Returned(.number, "the accuracy, in [0, 1]")) { .number($0.binaryAccuracy) },
      countsEntry("multilabel_confusion_matrix", "Per label the confusion matrix {{tn, fp}, {fn, tp}} (scikit-learn's multilabel_confusion_matrix).",
                  returns: Returned(.list(.list(.list(.integer))), "one 2x2 table per label")) { c in
        .list(c.matrices.map { m in .list(m.map { row in .list(row.map { .integer($0) }) }) })
      },
    ]
  }
}
