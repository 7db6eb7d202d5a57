import Tensors

/// What every stream checks as batches arrive: a consistent label count and 0/1 truths.
/// `update` cannot throw, so the first problem is kept and thrown by `result`.
class StreamingBase {
  let name: String
  var labels: Int?
  var rows = 0
  var problem: TensorError?

  init(name: String) { self.name = name }

  /// Whether the batch may be used; records why not.
  func accept(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows n: Int, labels L: Int) -> Bool {
    guard problem == nil else { return false }
    if let known = labels, known != L {
      problem = TensorError("\(name): a batch has \(L) labels, earlier batches had \(known)")
      return false
    }
    for k in 0..<(n * L) {
      let t = truth[k]
      if t != 0 && t != 1 {
        problem = TensorError("\(name): truths must be 0 or 1, got \(t) at row \(rows + k / L + 1), label \(k % L + 1)")
        return false
      }
      if scores[k].isNaN {
        problem = TensorError("\(name): score is NaN at row \(rows + k / L + 1), label \(k % L + 1)")
        return false
      }
    }
    labels = L
    rows += n
    return true
  }

  func checkResult() throws -> Int {
    if let problem { throw problem }
    guard let L = labels, rows > 0 else { throw TensorError("\(name): no rows since the last reset") }
    return L
  }

  func resetBase() { labels = nil; rows = 0; problem = nil }
}

/// Threshold metrics (p >= 0.5): only the confusion counts and per-row sums are kept.
final class ConfusionStream: StreamingBase, StreamingMetric {
  let value: (ConfusionCounts) -> Double
  let higherIsBetter: Bool
  var counts: ConfusionCounts?
  var t8 = [UInt8](), p8 = [UInt8]()

  init(name: String, higherIsBetter: Bool, value: @escaping (ConfusionCounts) -> Double) {
    self.value = value
    self.higherIsBetter = higherIsBetter
    super.init(name: name)
  }

  func update(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows n: Int, labels L: Int) {
    guard accept(truth: truth, scores: scores, rows: n, labels: L) else { return }
    if counts == nil { counts = ConfusionCounts(labels: L) }
    if t8.count < n * L { t8 = [UInt8](repeating: 0, count: n * L); p8 = t8 }
    let threshold = Float(TrainingMetrics.threshold)
    t8.withUnsafeMutableBufferPointer { t in
      p8.withUnsafeMutableBufferPointer { p in
        for k in 0..<(n * L) {
          t[k] = truth[k] != 0 ? 1 : 0
          p[k] = scores[k] >= threshold ? 1 : 0
        }
        counts!.add(truth: UnsafeBufferPointer(t), predicted: UnsafeBufferPointer(p), rows: n)
      }
    }
  }

  func result() throws -> Double {
    _ = try checkResult()
    return value(counts!)
  }

  func reset() { resetBase(); counts = nil }
}

/// Metrics on the ranking of scores (ROC AUC, AP, LRAP, ...): truths and scores are kept
/// and the whole-array metric runs at the end.
final class KeptScoresStream: StreamingBase, StreamingMetric {
  let compute: (Truths, Scores) throws -> Double
  let higherIsBetter: Bool
  var truths = [UInt8](), scores = [Double]()

  init(name: String, higherIsBetter: Bool, compute: @escaping (Truths, Scores) throws -> Double) {
    self.compute = compute
    self.higherIsBetter = higherIsBetter
    super.init(name: name)
  }

  func update(truth: UnsafePointer<Float>, scores s: UnsafePointer<Float>, rows n: Int, labels L: Int) {
    guard accept(truth: truth, scores: s, rows: n, labels: L) else { return }
    let m = n * L, start = truths.count
    truths.append(contentsOf: repeatElement(0, count: m))
    scores.append(contentsOf: repeatElement(0, count: m))
    truths.withUnsafeMutableBufferPointer { t in
      scores.withUnsafeMutableBufferPointer { out in
        for k in 0..<m {
          t[start + k] = truth[k] != 0 ? 1 : 0
          out[start + k] = Double(s[k])
        }
      }
    }
  }

  func result() throws -> Double {
    let L = try checkResult()
    do {
      return try compute(Truths(rows: rows, labels: L, values: truths), Scores(rows: rows, labels: L, values: scores))
    } catch let e as TensorError {
      throw TensorError("\(name): \(e.message)")
    }
  }

  func reset() { resetBase(); truths.removeAll(keepingCapacity: true); scores.removeAll(keepingCapacity: true) }
}

/// Mean binary cross-entropy: a running sum over cells in row-major order.
final class CrossentropyStream: StreamingBase, StreamingMetric {
  var sum = 0.0
  var higherIsBetter: Bool { false }

  func update(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows n: Int, labels L: Int) {
    guard accept(truth: truth, scores: scores, rows: n, labels: L) else { return }
    for k in 0..<(n * L) { BinaryCrossentropy.accumulate(&sum, truth: Double(truth[k]), score: Double(scores[k])) }
  }

  func result() throws -> Double {
    let L = try checkResult()
    return sum / Double(rows * L)
  }

  func reset() { resetBase(); sum = 0 }
}
