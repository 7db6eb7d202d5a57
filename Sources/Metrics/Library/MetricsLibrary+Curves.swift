import Catalog
import Tensors

extension MetricsLibrary {
  static let curveOptions = [
    Parameter("label", .positiveInteger, "the label whose curve to compute, counted from 1", optional: true),
    Parameter("average", .oneOf(["micro", "macro"]), "\"micro\": the pooled curve of every cell (scikit-learn's ravel); \"macro\": the labels' curves averaged on a common grid, without thresholds", optional: true),
  ]

  static let macroCurveDetails = "average = \"macro\": ROC takes every fpr of every label's curve as the grid and averages the labels' tpr interpolated linearly onto it (NumPy's interp, as scikit-learn's macro-ROC example); a label without positives or without negatives is an error. Precision-recall takes every recall of every label's curve as the grid and averages the labels' interpolated precision (the highest precision at that recall or above), recall falling to 0 where precision is 1. metrics.auc(c.fpr, c.tpr) gives the area."

  /// Whether the call asks for the macro-averaged curve.
  static func isMacro(_ a: Arguments) throws -> Bool {
    guard a.has("average"), a.string("average") == "macro" else { return false }
    if a.has("label") { throw CatalogError("give option 'label' or an average, not both") }
    return true
  }

  static func selection(_ a: Arguments, labels: Int) throws -> Curves.Selection {
    switch (a.optionalInt("label"), a.has("average")) {
    case (let j?, false): return .label(j - 1)
    case (nil, true): return .pooled
    case (nil, false):
      if labels == 1 { return .label(0) }
      throw CatalogError("give option 'label' (1 to \(labels)) or average = \"micro\" or \"macro\"")
    case (_?, true): throw CatalogError("give option 'label' or an average, not both")
    }
  }

  static var curveEntries: [Entry] {
    [
      entry("auc", "The area under a curve given as points, by the trapezoidal rule (scikit-learn's auc): metrics.auc(c.fpr, c.tpr).",
            parameters: [Parameter("x", .either(.tensor, .list(.number)), "the points' x: increasing or decreasing (equal neighbours allowed)"),
                         Parameter("y", .either(.tensor, .list(.number)), "the points' y, as many")],
            returns: [Returned(.number, "the area; positive for a positive y whichever way x runs")]) { a in
        [.number(try Auc.trapezoid(x: try vector(a, "x"), y: try vector(a, "y")))]
      },
      entry("roc_curve", "The ROC curve of one label, pooled, or macro-averaged (scikit-learn's roc_curve with drop_intermediate).",
            parameters: [truthParameter, scoreParameter], options: curveOptions,
            returns: [Returned(.record, "{fpr = {...}, tpr = {...}, thresholds = {...}}: lists of numbers; the first threshold is infinite; fpr or tpr is NaN when a class is absent; macro: {fpr =, tpr =} only")],
            details: macroCurveDetails) { a in
        let (y, s) = try truthAndScores(a)
        if try isMacro(a) {
          let c = try Curves.macroRoc(y, s)
          return [.table([("fpr", numbers(c.grid)), ("tpr", numbers(c.mean))])]
        }
        let c = try Curves.roc(y, s, try selection(a, labels: y.labels))
        return [.table([("fpr", numbers(c.fpr)), ("tpr", numbers(c.tpr)), ("thresholds", numbers(c.thresholds))])]
      },
      entry("precision_recall_curve", "The precision-recall curve of one label, pooled, or macro-averaged (scikit-learn's precision_recall_curve).",
            parameters: [truthParameter, scoreParameter], options: curveOptions,
            returns: [Returned(.record, "{precision = {...}, recall = {...}, thresholds = {...}}: thresholds rising, precision and recall one longer, ending at (1, 0); macro: {precision =, recall =} only")],
            details: macroCurveDetails) { a in
        let (y, s) = try truthAndScores(a)
        if try isMacro(a) {
          let c = try Curves.macroPrecisionRecall(y, s)
          return [.table([("precision", numbers(c.mean)), ("recall", numbers(c.grid))])]
        }
        let c = try Curves.precisionRecall(y, s, try selection(a, labels: y.labels))
        return [.table([("precision", numbers(c.precision)), ("recall", numbers(c.recall)), ("thresholds", numbers(c.thresholds))])]
      },
    ]
  }
}

extension MetricsLibrary {
  /// A list of numbers, or a tensor with one row or column.
  static func vector(_ a: Arguments, _ name: String) throws -> [Double] {
    switch a.value(name) {
    case .tensor(let t):
      guard t.rank == 1 || (t.rank == 2 && (t.shape[0] == 1 || t.shape[1] == 1)) else {
        throw CatalogError("argument '\(name)' must be a vector, got a \(describeShape(t.shape)) tensor")
      }
      return t.scalars.map(Double.init)
    case .list(let items):
      return items.map { if case .number(let d) = $0 { return d }; if case .integer(let i) = $0 { return Double(i) }; return .nan }
    default: throw CatalogError("argument '\(name)' expects a tensor or a list of numbers")
    }
  }
}
