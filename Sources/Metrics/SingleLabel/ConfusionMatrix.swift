import Tensors

/// A multiclass confusion matrix as scikit-learn's `confusion_matrix`: row i counts the rows
/// whose true class is `labels[i]`, column j those predicted `labels[j]`.
public struct ConfusionMatrix: Equatable {
  /// How the counts are normalised: over each true class (rows), each predicted class
  /// (columns), or all rows; 0/0 gives 0.
  public enum Normalize: String { case `true`, pred, all }

  public let labels: [Int]
  public let counts: [[Int]]

  /// `labels` nil: every class in `truth` or `predicted`, in order. Rows whose true or
  /// predicted class is not in `labels` are left out.
  public init(_ truth: [Int], _ predicted: [Int], labels given: [Int]? = nil) throws {
    try Accuracy.checkRows(truth.count, predicted.count, "p")
    let labels = given ?? Array(Set(truth + predicted)).sorted()
    if let given {
      guard !given.isEmpty else { throw TensorError("'labels' is empty") }
      guard Set(given).count == given.count else { throw TensorError("'labels' holds a class twice") }
      guard given.contains(where: Set(truth).contains) else {
        throw TensorError("none of 'labels' is a class of 'y'")
      }
    }
    var position = [Int: Int]()
    for (k, c) in labels.enumerated() { position[c] = k }
    var counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    for (t, p) in zip(truth, predicted) {
      if let i = position[t], let j = position[p] { counts[i][j] += 1 }
    }
    self.labels = labels
    self.counts = counts
  }

  /// The counts as fractions (scikit-learn's `normalize`).
  public func normalized(_ how: Normalize) -> [[Double]] {
    let n = labels.count
    let rowSums = counts.map { $0.reduce(0, +) }
    let columnSums = (0..<n).map { j in counts.reduce(0) { $0 + $1[j] } }
    let total = rowSums.reduce(0, +)
    return (0..<n).map { i in
      (0..<n).map { j in
        let d: Int
        switch how {
        case .true: d = rowSums[i]
        case .pred: d = columnSums[j]
        case .all: d = total
        }
        return d == 0 ? 0 : Double(counts[i][j]) / Double(d)
      }
    }
  }
}
