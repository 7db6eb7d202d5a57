import Catalog
import Tensors

extension MetricsLibrary {
  static let classesType = ValueType.either(.tensor, .either(.list(.number), .list(.list(.number))))
  static let classTruthParameter = Parameter("y", classesType, "true classes: class indices counted from 1 (a vector, a list or n x 1), or one-hot rows n x C")
  static let classPredictionParameter = Parameter("p", classesType, "predicted classes: class indices counted from 1, or scores n x C (the largest of each row, the first of equal ones, is the prediction)")

  /// Classes from indices (a vector, a flat list, n x 1) or from n x C rows: one-hot rows
  /// when `oneHot`, else each row's argmax.
  static func classes(_ v: Value, _ name: String, oneHot: Bool) throws -> [Int] {
    try classes(try classMatrix(v, name), name, oneHot: oneHot)
  }

  static func classes(_ m: Scores, _ name: String, oneHot: Bool) throws -> [Int] {
    let what = "argument '\(name)'"
    if m.labels == 1 { return try ClassIndices.indices(m, name: what) }
    return oneHot ? try ClassIndices.oneHot(m, name: what) : try ClassIndices.argmax(m, name: what)
  }

  /// A flat list of numbers is one column; everything else as `matrix`.
  static func classMatrix(_ v: Value, _ name: String) throws -> Scores {
    if case .list(let items) = v, !items.isEmpty, items.allSatisfy({ if case .list = $0 { return false }; return true }) {
      let values = try items.enumerated().map { k, v -> Double in
        switch v {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: throw CatalogError("argument '\(name)': item \(k + 1) holds \(v.summary)")
        }
      }
      return Scores(rows: values.count, labels: 1, values: values)
    }
    return try matrix(v, name)
  }

  static var singleLabelEntries: [Entry] {
    [
      entry("accuracy", "Single-label accuracy: the fraction of rows whose predicted class is the true one (scikit-learn's accuracy_score on multiclass data; Keras's categorical accuracy on one-hot rows and scores).",
            returns: [Returned(.number, "the accuracy, in [0, 1]")],
            details: "For multilabel 0/1 rows use binary_accuracy (per cell) or subset_accuracy (per row): y must be one class per row.") { d in
        let yArg = d.parameter(classTruthParameter, Value.self), pArg = d.parameter(classPredictionParameter, Value.self)
        return { a in
          let ym = try classMatrix(try a[yArg], "y"), pm = try classMatrix(try a[pArg], "p")
          let y = try classes(ym, "y", oneHot: true), p = try classes(pm, "p", oneHot: false)
          return [.number(try Accuracy.accuracy(y, p, truthColumns: ym.labels, scoreColumns: pm.labels))]
        }
      },
      entry("top_k_accuracy", "The fraction of rows whose true class is among the k highest scores (scikit-learn's top_k_accuracy_score).",
            returns: [Returned(.number, "the accuracy, in [0, 1]")],
            details: "Equal scores rank the higher class first, as scikit-learn does. Class k is column k of s.") { d in
        let yArg = d.parameter(classTruthParameter, Value.self)
        let sArg = d.parameter("s", Value.self, "scores n x C, one column per class (one column: the score of class 2, as scikit-learn's binary case)", as: matrixType)
        let k = d.option("k", Int.self, "how many of the highest scores count", as: .positiveInteger, default: 2)
        return { a in
          let y = try classes(try a[yArg], "y", oneHot: true), s = try matrix(try a[sArg], "s")
          return [.number(try Accuracy.topK(y, s, k: try a[k]))]
        }
      },
      entry("confusion_matrix", "The multiclass confusion matrix: row i counts the rows of true class labels[i], column j those predicted labels[j] (scikit-learn's confusion_matrix).",
            returns: [Returned(.list(.list(.number)), "the matrix as a table of rows (integers, or fractions when normalised)"),
                      Returned(.list(.integer), "the class of each row and column")]) { d in
        let yArg = d.parameter(classTruthParameter, Value.self), pArg = d.parameter(classPredictionParameter, Value.self)
        let labelsArg = d.option("labels", [Int].self, "the classes to count, in this order (default: every class in y or p, rising; for n x C inputs 1..C); rows of other classes are left out",
                                 as: .list(.positiveInteger))
        let normalize = d.option("normalize", ConfusionMatrix.Normalize.self,
                                 "fractions over each true class (rows), each predicted class (columns) or all rows; 0/0 gives 0")
        return { a in
          let ym = try classMatrix(try a[yArg], "y"), pm = try classMatrix(try a[pArg], "p")
          let y = try classes(ym, "y", oneHot: true), p = try classes(pm, "p", oneHot: false)
          var labels = try a[labelsArg]
          if labels == nil {
            let widths = [ym.labels, pm.labels].filter { $0 > 1 }
            if let c = widths.max() { labels = Array(Set(Array(1...c) + y + p)).sorted() }
          }
          let m = try ConfusionMatrix(y, p, labels: labels)
          let table: Value
          if let how = try a[normalize] {
            table = .list(m.normalized(how).map { numbers($0) })
          } else {
            table = .list(m.counts.map { .list($0.map { .integer($0) }) })
          }
          return [table, .list(m.labels.map { .integer($0) })]
        }
      },
    ]
  }
}

extension ConfusionMatrix.Normalize: ScriptEnum {
  public static var allCases: [Self] { [.`true`, .pred, .all] }
}
