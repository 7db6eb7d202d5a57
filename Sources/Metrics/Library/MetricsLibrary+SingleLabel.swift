import Catalog
import Tensors

extension MetricsLibrary {
  static let classesType = ValueType.either(.tensor, .either(.list(.number), .list(.list(.number))))
  static let classTruthParameter = Parameter("y", classesType, "true classes: class indices counted from 1 (a vector, a list or n x 1), or one-hot rows n x C")
  static let classPredictionParameter = Parameter("p", classesType, "predicted classes: class indices counted from 1, or scores n x C (the largest of each row, the first of equal ones, is the prediction)")

  /// Classes from indices (a vector, a flat list, n x 1) or from n x C rows: one-hot rows
  /// when `oneHot`, else each row's argmax.
  static func classes(_ args: Arguments, _ name: String, oneHot: Bool) throws -> [Int] {
    try classes(try classMatrix(args, name), name, oneHot: oneHot)
  }

  static func classes(_ m: Scores, _ name: String, oneHot: Bool) throws -> [Int] {
    let what = "argument '\(name)'"
    if m.labels == 1 { return try ClassIndices.indices(m, name: what) }
    return oneHot ? try ClassIndices.oneHot(m, name: what) : try ClassIndices.argmax(m, name: what)
  }

  /// A flat list of numbers is one column; everything else as `matrix`.
  static func classMatrix(_ args: Arguments, _ name: String) throws -> Scores {
    if case .list(let items) = args.value(name), !items.isEmpty, items.allSatisfy({ if case .list = $0 { return false }; return true }) {
      let values = try items.enumerated().map { k, v -> Double in
        switch v {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: throw CatalogError("argument '\(name)': item \(k + 1) holds \(v.summary)")
        }
      }
      return Scores(rows: values.count, labels: 1, values: values)
    }
    return try matrix(args, name)
  }

  static var singleLabelEntries: [Entry] {
    [
      entry("accuracy", "Single-label accuracy: the fraction of rows whose predicted class is the true one (scikit-learn's accuracy_score on multiclass data; Keras's categorical accuracy on one-hot rows and scores).",
            parameters: [classTruthParameter, classPredictionParameter], returns: [Returned(.number, "the accuracy, in [0, 1]")],
            details: "For multilabel 0/1 rows use binary_accuracy (per cell) or subset_accuracy (per row): y must be one class per row.") { a in
        let ym = try classMatrix(a, "y"), pm = try classMatrix(a, "p")
        let y = try classes(ym, "y", oneHot: true), p = try classes(pm, "p", oneHot: false)
        return [.number(try Accuracy.accuracy(y, p, truthColumns: ym.labels, scoreColumns: pm.labels))]
      },
      entry("top_k_accuracy", "The fraction of rows whose true class is among the k highest scores (scikit-learn's top_k_accuracy_score).",
            parameters: [classTruthParameter, Parameter("s", matrixType, "scores n x C, one column per class (one column: the score of class 2, as scikit-learn's binary case)")],
            options: [Parameter("k", .positiveInteger, "how many of the highest scores count", default: .integer(2))],
            returns: [Returned(.number, "the accuracy, in [0, 1]")],
            details: "Equal scores rank the higher class first, as scikit-learn does. Class k is column k of s.") { a in
        let y = try classes(a, "y", oneHot: true), s = try matrix(a, "s")
        return [.number(try Accuracy.topK(y, s, k: a.int("k")))]
      },
      entry("confusion_matrix", "The multiclass confusion matrix: row i counts the rows of true class labels[i], column j those predicted labels[j] (scikit-learn's confusion_matrix).",
            parameters: [classTruthParameter, classPredictionParameter],
            options: [
              Parameter("labels", .list(.positiveInteger), "the classes to count, in this order (default: every class in y or p, rising; for n x C inputs 1..C); rows of other classes are left out", optional: true),
              Parameter("normalize", .oneOf(["true", "pred", "all"]), "fractions over each true class (rows), each predicted class (columns) or all rows; 0/0 gives 0", optional: true),
            ],
            returns: [Returned(.list(.list(.number)), "the matrix as a table of rows (integers, or fractions when normalised)"),
                      Returned(.list(.integer), "the class of each row and column")]) { a in
        let y = try classes(a, "y", oneHot: true), p = try classes(a, "p", oneHot: false)
        var labels: [Int]? = a.has("labels") ? a.ints("labels") : nil
        if labels == nil {
          let widths = [try classMatrix(a, "y").labels, try classMatrix(a, "p").labels].filter { $0 > 1 }
          if let c = widths.max() { labels = Array(Set(Array(1...c) + y + p)).sorted() }
        }
        let m = try ConfusionMatrix(y, p, labels: labels)
        let table: Value
        if a.has("normalize") {
          table = .list(m.normalized(ConfusionMatrix.Normalize(rawValue: a.string("normalize"))!).map { numbers($0) })
        } else {
          table = .list(m.counts.map { .list($0.map { .integer($0) }) })
        }
        return [table, .list(m.labels.map { .integer($0) })]
      },
    ]
  }
}
