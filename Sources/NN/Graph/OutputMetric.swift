import CrescentMetrics
import Tensors

/// A training metric of one output of a graph model (`labels_f1_micro`): the metric fed that
/// output's columns of the packed targets and scores.
final class OutputMetric: StreamingMetric {
  let name: String
  let inner: StreamingMetric
  let offset: Int
  let width: Int
  let total: Int
  private var truth = Tensor.released
  private var scores = Tensor.released

  init(name: String, inner: StreamingMetric, offset: Int, width: Int, total: Int) {
    self.name = name
    self.inner = inner
    self.offset = offset
    self.width = width
    self.total = total
  }

  func update(truth t: UnsafePointer<Float>, scores s: UnsafePointer<Float>, rows: Int, labels: Int) {
    Tensor.prepare(&truth, shape: [rows, width])
    Tensor.prepare(&scores, shape: [rows, width])
    let tb = truth.storage.pointer, sb = scores.storage.pointer
    for r in 0..<rows {
      (tb + r * width).update(from: t + r * labels + offset, count: width)
      (sb + r * width).update(from: s + r * labels + offset, count: width)
    }
    inner.update(truth: tb, scores: sb, rows: rows, labels: width)
  }

  func result() throws -> Double { try inner.result() }
  func reset() { inner.reset() }
  var higherIsBetter: Bool { inner.higherIsBetter }
}
