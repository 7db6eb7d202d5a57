import Tensors

/// Single-label accuracy and top-k accuracy (scikit-learn's `accuracy_score` and
/// `top_k_accuracy_score` on multiclass data).
public enum Accuracy {
  /// The fraction of rows whose predicted class is the true one. With the widths of the
  /// matrices the classes came from (1 for class indices), a true class beyond the score
  /// columns, or one-hot rows and scores of different widths, are errors, as in `topK`.
  public static func accuracy(_ truth: [Int], _ predicted: [Int], truthColumns: Int = 1, scoreColumns: Int = 1) throws -> Double {
    try checkRows(truth.count, predicted.count, "p")
    if scoreColumns > 1 {
      if truthColumns > 1 && truthColumns != scoreColumns {
        throw TensorError("'y' has \(truthColumns) columns (one per class) but 'p' has scores for \(scoreColumns) classes")
      }
      for (i, c) in truth.enumerated() where c > scoreColumns {
        throw TensorError("row \(i + 1) of 'y' is class \(c), but 'p' has scores for \(scoreColumns) classes")
      }
    }
    let hits = zip(truth, predicted).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return Double(hits) / Double(truth.count)
  }

  /// The fraction of rows whose true class is among the k highest scores. Equal scores rank
  /// the higher class first, as scikit-learn's stable argsort read backwards does. One score
  /// column is scikit-learn's binary case: the score of class 2, above 0.5 (or above 0 when
  /// some score is outside [0, 1]) predicting class 2; every k >= 2 is a hit.
  public static func topK(_ truth: [Int], _ scores: Scores, k: Int) throws -> Double {
    try checkRows(truth.count, scores.rows, "s")
    try scores.checkNoNaN(name: "'s'")
    guard k >= 1 else { throw TensorError("k must be at least 1, got \(k)") }
    let classes = max(scores.labels, 2)
    for (i, c) in truth.enumerated() where c > classes {
      throw TensorError("row \(i + 1) of 'y' is class \(c), but 's' has scores for \(classes) classes")
    }
    var hits = 0
    if scores.labels == 1 {
      if k >= 2 { return 1 }
      let within = scores.values.allSatisfy { $0 >= 0 && $0 <= 1 }
      let threshold = within ? 0.5 : 0
      for (i, c) in truth.enumerated() where (scores.values[i] > threshold ? 2 : 1) == c { hits += 1 }
    } else {
      for (i, c) in truth.enumerated() where rank(of: c - 1, row: i, scores) < k { hits += 1 }
    }
    return Double(hits) / Double(truth.count)
  }

  /// The place of column `j` in row `i` sorted by falling score, equal scores higher column first (0-based).
  static func rank(of j: Int, row i: Int, _ s: Scores) -> Int {
    let v = s[i, j]
    var above = 0
    for c in 0..<s.labels where s[i, c] > v || (c > j && s[i, c] == v) { above += 1 }
    return above
  }

  static func checkRows(_ a: Int, _ b: Int, _ other: String) throws {
    guard a == b else { throw TensorError("'y' has \(a) rows but '\(other)' has \(b); they must have the same number") }
    guard a > 0 else { throw TensorError("'y' is empty; metrics need at least one row") }
  }
}
