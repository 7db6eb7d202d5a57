import Tensors

/// Single-label accuracy over one-hot targets (a softmax output): row i is a hit when its
/// true class is among the `k` highest scores. k = nil is accuracy: the argmax of the
/// scores (the first of equal ones); a k is top-k accuracy, equal scores ranking the higher
/// class first (scikit-learn's top_k_accuracy_score). Only the hits are kept.
final class ClassStream: StreamingBase, StreamingMetric {
  let k: Int?
  var hits = 0
  var higherIsBetter: Bool { true }

  init(name: String, k: Int?) {
    self.k = k
    super.init(name: name)
  }

  override func add(_ batch: StreamingBatch) {
    let L = batch.labels
    guard L >= 2 else {
      problem = TensorError("\(name): the targets have one column, but \"\(name)\" compares classes (one-hot targets and one score per class, as a softmax gives); for a single sigmoid output use \"binary_accuracy\"")
      return
    }
    for i in 0..<batch.rows {
      let t = batch.truth8 + i * L, s = batch.scores + i * L
      var truth = -1, positives = 0
      for j in 0..<L where t[j] != 0 { positives += 1; truth = j }
      guard positives == 1 else {
        problem = TensorError("\(name): a row of the targets has \(positives) positive labels; \"\(name)\" is single-label accuracy (one-hot targets, one class per row): for multilabel targets use \"binary_accuracy\" (per cell) or \"subset_accuracy\" (per row)")
        return
      }
      if let k {
        let v = s[truth]
        var above = 0
        for j in 0..<L where s[j] > v || (j > truth && s[j] == v) { above += 1 }
        if above < k { hits += 1 }
      } else {
        var best = 0
        for j in 1..<L where s[j] > s[best] { best = j }
        if best == truth { hits += 1 }
      }
    }
  }

  func result() throws -> Double {
    _ = try checkResult()
    return Double(hits) / Double(rows)
  }

  func reset() { resetBase(); hits = 0 }
}
