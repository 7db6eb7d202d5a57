import Catalog
import Tensors

extension MetricsLibrary {
  static let macroCurveDetails = "average = \"macro\": ROC takes every fpr of every label's curve as the grid and averages the labels' tpr interpolated linearly onto it (NumPy's interp, as scikit-learn's macro-ROC example); a label without positives or without negatives is an error. Precision-recall takes every recall of every label's curve as the grid and averages the labels' interpolated precision (the highest precision at that recall or above), recall falling to 0 where precision is 1. metrics.auc(c.fpr, c.tpr) gives the area."

  /// The options saying which curve: one label's, the pooled one or the macro average.
  struct CurveOptions {
    let label: Arg<Int?>, average: Arg<String?>
    init(_ d: Declarer) {
      label = d.option("label", Int.self, "the label whose curve to compute, counted from 1", as: .positiveInteger)
      average = d.option("average", String.self, "\"micro\": the pooled curve of every cell (scikit-learn's ravel); \"macro\": the labels' curves averaged on a common grid, without thresholds",
                         as: .oneOf(["micro", "macro"]))
    }

    /// Whether the call asks for the macro-averaged curve.
    func isMacro(_ a: Arguments) throws -> Bool {
      guard try a[average] == "macro" else { return false }
      if try a[label] != nil { throw CatalogError("give option 'label' or an average, not both") }
      return true
    }

    func selection(_ a: Arguments, labels: Int) throws -> Curves.Selection {
      switch (try a[label], try a[average] != nil) {
      case (let j?, false): return .label(j - 1)
      case (nil, true): return .pooled
      case (nil, false):
        if labels == 1 { return .label(0) }
        throw CatalogError("give option 'label' (1 to \(labels)) or average = \"micro\" or \"macro\"")
      case (_?, true): throw CatalogError("give option 'label' or an average, not both")
      }
    }
  }

  static var curveEntries: [Entry] {
    [
      entry("auc", "The area under a curve given as points, by the trapezoidal rule (scikit-learn's auc): metrics.auc(c.fpr, c.tpr).",
            returns: [Returned(.number, "the area; positive for a positive y whichever way x runs")]) { d in
        let x = d.parameter("x", Value.self, "the points' x: increasing or decreasing (equal neighbours allowed)", as: .either(.tensor, .list(.number)))
        let y = d.parameter("y", Value.self, "the points' y, as many", as: .either(.tensor, .list(.number)))
        return { a in [.number(try Auc.trapezoid(x: try vector(try a[x], "x"), y: try vector(try a[y], "y")))] }
      },
      entry("roc_curve", "The ROC curve of one label, pooled, or macro-averaged (scikit-learn's roc_curve with drop_intermediate).",
            returns: [Returned(.record, "{fpr = {...}, tpr = {...}, thresholds = {...}}: lists of numbers; the first threshold is infinite; fpr or tpr is NaN when a class is absent; macro: {fpr =, tpr =} only")],
            details: macroCurveDetails) { d in
        let ys = TruthAndScores(d)
        let which = CurveOptions(d)
        return { a in
          let (y, s) = try ys.read(a)
          if try which.isMacro(a) {
            let c = try Curves.macroRoc(y, s)
            return [.table([("fpr", numbers(c.grid)), ("tpr", numbers(c.mean))])]
          }
          let c = try Curves.roc(y, s, try which.selection(a, labels: y.labels))
          return [.table([("fpr", numbers(c.fpr)), ("tpr", numbers(c.tpr)), ("thresholds", numbers(c.thresholds))])]
        }
      },
      entry("precision_recall_curve", "The precision-recall curve of one label, pooled, or macro-averaged (scikit-learn's precision_recall_curve).",
            returns: [Returned(.record, "{precision = {...}, recall = {...}, thresholds = {...}}: thresholds rising, precision and recall one longer, ending at (1, 0); macro: {precision =, recall =} only")],
            details: macroCurveDetails) { d in
        let ys = TruthAndScores(d)
        let which = CurveOptions(d)
        return { a in
          let (y, s) = try ys.read(a)
          if try which.isMacro(a) {
            let c = try Curves.macroPrecisionRecall(y, s)
            return [.table([("precision", numbers(c.mean)), ("recall", numbers(c.grid))])]
          }
          let c = try Curves.precisionRecall(y, s, try which.selection(a, labels: y.labels))
          return [.table([("precision", numbers(c.precision)), ("recall", numbers(c.recall)), ("thresholds", numbers(c.thresholds))])]
        }
      },
    ]
  }
}

extension MetricsLibrary {
  /// A list of numbers, or a tensor with one row or column.
  static func vector(_ v: Value, _ name: String) throws -> [Double] {
    switch v {
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
