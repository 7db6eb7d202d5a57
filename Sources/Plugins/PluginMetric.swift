import Catalog
import CrescentPluginABI
import CrescentMetrics
import Tensors

/// A plugin metric: the callback over whole n x L arrays of truths and scores.
struct PluginMetric: Sendable {
  let name: String
  let higherIsBetter: Bool
  let compute: crescent_metric_fn
  let user: PluginUser

  func callAsFunction(truths: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows: Int, labels: Int) throws -> Double {
    var result = Double.nan
    do {
      _ = try PluginCall.run { call in compute(call, truths, scores, CLong(rows), CLong(labels), &result, user.pointer) }
    } catch let e as PluginFailure { throw CatalogError("\(name): \(e.message)") }
    return result
  }

  /// `metrics.<name>(y, scores)`: n x L (or n) truths and scores of one shape.
  func entry(summary: String) -> Entry {
    Entry(module: "metrics", name: name, summary: summary + (higherIsBetter ? " Higher is better." : " Lower is better."),
          returns: [Returned(.number, "the metric")]) { d in
      let yArg = d.parameter("y", Tensor.self, "truths (0/1), n x L or n", as: .tensorLike)
      let sArg = d.parameter("scores", Tensor.self, "scores, the shape of y", as: .tensorLike)
      return { a in
        let y = try a[yArg], s = try a[sArg]
        guard y.shape == s.shape, y.rank == 1 || y.rank == 2 else {
          throw CatalogError("y \(describeShape(y.shape)) and scores \(describeShape(s.shape)) must be one n x L (or n) shape")
        }
        let rows = y.rank == 0 ? 1 : y.shape[0], labels = y.rank == 2 ? y.shape[1] : 1
        return [.number(try self(truths: y.storage.pointer, scores: s.storage.pointer, rows: rows, labels: labels))]
      }
    }
  }
}

/// A plugin metric during training: keeps every batch and calls the callback at result time.
final class PluginMetricStream: StreamingMetric {
  let metric: PluginMetric
  var truths: [Float] = []
  var scores: [Float] = []
  var labels: Int?
  var problem: String?

  init(_ metric: PluginMetric) { self.metric = metric }

  var name: String { metric.name }
  var higherIsBetter: Bool { metric.higherIsBetter }

  func update(truth: UnsafePointer<Float>, scores s: UnsafePointer<Float>, rows: Int, labels L: Int) {
    if let known = labels, known != L {
      if problem == nil { problem = "\(name): a batch has \(L) labels, earlier batches had \(known)" }
      return
    }
    labels = L
    truths.append(contentsOf: UnsafeBufferPointer(start: truth, count: rows * L))
    scores.append(contentsOf: UnsafeBufferPointer(start: s, count: rows * L))
  }

  func result() throws -> Double {
    if let problem { throw TensorError(problem) }
    guard let L = labels, !truths.isEmpty else { throw TensorError("\(name): no rows since the last reset") }
    do {
      return try truths.withUnsafeBufferPointer { t in
        try scores.withUnsafeBufferPointer { s in
          try metric(truths: t.baseAddress!, scores: s.baseAddress!, rows: truths.count / L, labels: L)  // cannot fail: truths is not empty (checked above)
        }
      }
    } catch let e as CatalogError { throw TensorError(e.message) }
  }

  func reset() { truths = []; scores = []; labels = nil; problem = nil }
}
