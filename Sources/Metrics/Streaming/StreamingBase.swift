import Tensors

/// What every stream checks as batches arrive: a consistent label count and 0/1 truths.
/// `update` cannot throw, so the first problem is kept and thrown by `result`.
class StreamingBase {
  let name: String
  var labels: Int?
  var rows = 0
  var problem: TensorError?

  init(name: String) { self.name = name }

  func update(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows n: Int, labels L: Int) {
    StreamingBatch.with(truth: truth, scores: scores, rows: n, labels: L) { batch in
      if let batch, takes(batch) {
        add(batch)
      } else {
        let accepted = accept(truth: truth, scores: scores, rows: n, labels: L)
        assert(!accepted, "a batch refused by the fast check must have a problem")  // cannot fail: both checks test the same conditions (and assert is off in release builds)
      }
    }
  }

  /// Whether a checked batch may be used (no earlier problem, the same label count); counts
  /// its rows when it may.
  func takes(_ batch: StreamingBatch) -> Bool {
    guard problem == nil, labels == nil || labels == batch.labels else { return false }
    labels = batch.labels
    rows += batch.rows
    return true
  }

  /// Adds a checked batch (its rows are already counted).
  func add(_ batch: StreamingBatch) { fatalError("subclasses add batches") }  // cannot be reached: every stream overrides add

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

  /// `checkResult` for metrics that rank labels, which need at least one.
  func checkRankedResult() throws -> Int {
    let L = try checkResult()
    guard L > 0 else { throw TensorError("\(name): the batches have no labels to rank") }
    return L
  }

  func resetBase() { labels = nil; rows = 0; problem = nil }
}

/// Threshold metrics (p >= 0.5): only the confusion counts and per-row sums are kept.
final class ConfusionStream: StreamingBase, StreamingMetric {
  let value: (ConfusionCounts) -> Double
  let higherIsBetter: Bool
  /// Whether `value` reads the per-row sums (samples averages, subset accuracy); without
  /// them only the per-label counts, the mismatches and the rows are kept.
  let perRow: Bool
  var counts: ConfusionCounts?

  init(name: String, higherIsBetter: Bool, perRow: Bool = true, value: @escaping (ConfusionCounts) -> Double) {
    self.value = value
    self.higherIsBetter = higherIsBetter
    self.perRow = perRow
    super.init(name: name)
  }

  override func add(_ batch: StreamingBatch) {
    if counts?.labels != batch.labels { counts = ConfusionCounts(labels: batch.labels) }
    // cannot fail, the two unwraps below: `counts` was set on the line above (in place, no copy).
    counts!.add(cells: batch.cellCounts(), rows: batch.rows)
    if perRow { counts!.addRowSums(truth: batch.truth8, predicted: batch.predicted8(), rows: batch.rows) }
  }

  func result() throws -> Double {
    _ = try checkResult()
    guard let counts else { throw TensorError("\(name): no rows since the last reset") }
    return value(counts)
  }

  /// Keeps the count arrays for the next epoch.
  func reset() {
    resetBase()
    if let L = counts?.labels { counts?.clear(labels: L) }
  }
}

/// ROC AUC and average precision per label (macro, weighted) or pooled (micro): the scores
/// are kept as order keys (`KeptKeys`, buffers kept across epochs) and ranked as float32 at
/// the end (`FloatRanking`).
final class KeptScoresStream: StreamingBase, StreamingMetric {
  let metric: FloatRanking.Metric
  var higherIsBetter: Bool { true }
  var kept = KeptKeys()
  var ranking = FloatRanking()

  init(name: String, metric: FloatRanking.Metric) {
    self.metric = metric
    super.init(name: name)
  }

  override func add(_ batch: StreamingBatch) {
    kept.append(truth8: batch.truth8, scores: batch.scores, rows: batch.rows, labels: batch.labels,
                withinUnit: batch.withinUnit)
  }

  func result() throws -> Double {
    let L = try checkRankedResult()
    guard rows * L <= FloatRanking.maxCells else {
      throw TensorError("\(name): \(rows * L) kept cells, more than the \(FloatRanking.maxCells) one ranking takes")
    }
    return ranking.value(metric, kept: kept)
  }

  func reset() {
    resetBase()
    kept.removeAll()
  }
}

/// Mean binary cross-entropy: a running sum over cells in row-major order.
final class CrossentropyStream: StreamingBase, StreamingMetric {
  var sum = 0.0
  var higherIsBetter: Bool { false }

  override func add(_ batch: StreamingBatch) {
    let count = batch.count
    // The cells' losses, then their sum in order, as BinaryCrossentropy.mean adds them.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(3 * count, 1)) { buffer in
      let truth = buffer.baseAddress!, scores = truth + count, terms = scores + count  // cannot fail: buffers from arrays or temporary allocations have addresses
      for k in 0..<count {
        truth[k] = Double(batch.truth[k])
        scores[k] = Double(batch.scores[k])
      }
      BinaryCrossentropy.terms(truth: truth, scores: scores, into: terms, count: count)
      for k in 0..<count { sum += terms[k] }
    }
  }

  func result() throws -> Double {
    let L = try checkResult()
    return sum / Double(rows * L)
  }

  func reset() { resetBase(); sum = 0 }
}
