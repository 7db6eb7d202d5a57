import Catalog
import Tensors

/// Balanced accuracy: the mean over classes of the recall of each (scikit-learn's
/// `balanced_accuracy_score`), so that a majority class cannot carry the score.
public enum BalancedAccuracy {
  /// The mean recall over the classes that occur in `truth`; a class only predicted has no
  /// recall and is left out, as scikit-learn does. `adjusted` rescales it so that chance
  /// (1 / classes) scores 0 and a perfect prediction 1.
  public static func compute(_ truth: [Int], _ predicted: [Int], adjusted: Bool = false) throws -> Double {
    try Accuracy.checkRows(truth.count, predicted.count, "p")
    guard !truth.isEmpty else { throw TensorError("'y' has no rows") }
    var rows = [Int: Int](), hits = [Int: Int]()
    for (t, p) in zip(truth, predicted) {
      rows[t, default: 0] += 1
      if t == p { hits[t, default: 0] += 1 }
    }
    let recalls = rows.keys.sorted().map { c in Double(hits[c] ?? 0) / Double(rows[c] ?? 1) }
    let score = recalls.reduce(0, +) / Double(recalls.count)
    guard adjusted else { return score }
    let chance = 1 / Double(recalls.count)
    return (score - chance) / (1 - chance)
  }

  static let entry = MetricsLibrary.entry(
    "balanced_accuracy", "Single-label balanced accuracy: the mean recall over the true classes (scikit-learn's balanced_accuracy_score).",
    returns: [Returned(.number, "the balanced accuracy, in [0, 1] (adjusted: 0 at chance, 1 perfect)")],
    details: "A class that is predicted but never true is left out of the mean, as scikit-learn does (it warns). With adjusted and a single true class the score is 0/0 or −∞, as scikit-learn's."
  ) { d in
    let yArg = d.parameter(MetricsLibrary.classTruthParameter, Value.self)
    let pArg = d.parameter(MetricsLibrary.classPredictionParameter, Value.self)
    let adjusted = d.option("adjusted", Bool.self, "rescale so that chance scores 0", default: false)
    return { a in
      let y = try MetricsLibrary.classes(try a[yArg], "y", oneHot: true)
      let p = try MetricsLibrary.classes(try a[pArg], "p", oneHot: false)
      return [.number(try compute(y, p, adjusted: try a[adjusted]))]
    }
  }
}
