import Catalog

extension MetricsLibrary {
  static let curveOptions = [
    Parameter("label", .positiveInteger, "the label whose curve to compute, counted from 1", optional: true),
    Parameter("average", .oneOf(["micro"]), "\"micro\": the pooled curve of every cell (scikit-learn's ravel)", optional: true),
  ]

  static func selection(_ a: Arguments, labels: Int) throws -> Curves.Selection {
    switch (a.optionalInt("label"), a.has("average")) {
    case (let j?, false): return .label(j - 1)
    case (nil, true): return .pooled
    case (nil, false):
      if labels == 1 { return .label(0) }
      throw CatalogError("give option 'label' (1 to \(labels)) or average = \"micro\"")
    case (_?, true): throw CatalogError("give option 'label' or average = \"micro\", not both")
    }
  }

  static var curveEntries: [Entry] {
    [
      entry("roc_curve", "The ROC curve of one label, or pooled (scikit-learn's roc_curve with drop_intermediate).",
            parameters: [truthParameter, scoreParameter], options: curveOptions,
            returns: [Returned(.record, "{fpr = {...}, tpr = {...}, thresholds = {...}}: lists of numbers; the first threshold is infinite; fpr or tpr is NaN when a class is absent")]) { a in
        let (y, s) = try truthAndScores(a)
        let c = try Curves.roc(y, s, try selection(a, labels: y.labels))
        return [.table([("fpr", numbers(c.fpr)), ("tpr", numbers(c.tpr)), ("thresholds", numbers(c.thresholds))])]
      },
      entry("precision_recall_curve", "The precision-recall curve of one label, or pooled (scikit-learn's precision_recall_curve).",
            parameters: [truthParameter, scoreParameter], options: curveOptions,
            returns: [Returned(.record, "{precision = {...}, recall = {...}, thresholds = {...}}: thresholds rising, precision and recall one longer, ending at (1, 0)")]) { a in
        let (y, s) = try truthAndScores(a)
        let c = try Curves.precisionRecall(y, s, try selection(a, labels: y.labels))
        return [.table([("precision", numbers(c.precision)), ("recall", numbers(c.recall)), ("thresholds", numbers(c.thresholds))])]
      },
    ]
  }
}
