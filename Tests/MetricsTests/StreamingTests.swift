import Testing
import Tensors
@testable import Metrics

/// Every training metric streamed over uneven batches equals the whole-array metric exactly.
struct StreamingTests {
  /// Random truths and float32 scores, some tied, with the expected whole-array values.
  static func data(rows: Int, labels: Int, seed: UInt64) -> ([Float], [Float]) {
    var state = seed
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53)
    }
    var t = [Float](), s = [Float]()
    for _ in 0..<(rows * labels) {
      let truth: Float = next() < 0.4 ? 1 : 0
      var score = Float(min(1, max(0, Double(truth) * 0.3 + next() * 0.7)))
      if next() < 0.2 { score = (score * 10).rounded() / 10 }  // ties
      t.append(truth)
      s.append(score)
    }
    return (t, s)
  }

  static func wholeArray(_ name: String, _ y: Truths, _ s: Scores) throws -> Double {
    let p = s.thresholded(Array(repeating: 0.5, count: s.labels))
    let counts = ConfusionCounts(y, p)
    switch name {
    case "hamming_loss": return counts.hammingLoss
    case "subset_accuracy": return counts.subsetAccuracy
    case "binary_accuracy": return counts.binaryAccuracy
    case "binary_crossentropy": return try BinaryCrossentropy.compute(y, s)
    default: break
    }
    if let r = RankingMetric(rawValue: name) { return try r.compute(y, s) }
    let parts = name.split(separator: "_")
    let average = Average(rawValue: String(parts.last!))!
    let family = parts.dropLast().joined(separator: "_")
    switch family {
    case "roc_auc": return try RocAuc.compute(y, s, average: average).scalar!
    case "average_precision": return try AveragePrecision.compute(y, s, average: average).scalar!
    default: return try ThresholdMetric(rawValue: family)!.compute(y, p, average: average).scalar!
    }
  }

  @Test func streamedEqualsWholeArray() throws {
    let rows = 203, labels = 7
    let (t, s) = StreamingTests.data(rows: rows, labels: labels, seed: 11)
    let y = try Truths(checking: Scores(rows: rows, labels: labels, values: t.map(Double.init)), name: "y")
    let scores = Scores(rows: rows, labels: labels, values: s.map(Double.init))
    let batches = [1, 64, 50, 0, 88]
    #expect(batches.reduce(0, +) == rows)
    #expect(TrainingMetrics.names.count >= 30)
    for name in TrainingMetrics.names {
      let m = try TrainingMetrics.make(name)
      for epoch in 0..<2 {
        m.reset()
        var start = 0
        for b in batches {
          t.withUnsafeBufferPointer { tp in
            s.withUnsafeBufferPointer { sp in
              m.update(truth: tp.baseAddress! + start * labels, scores: sp.baseAddress! + start * labels, rows: b, labels: labels)
            }
          }
          start += b
        }
        let streamed = try m.result()
        let whole = try StreamingTests.wholeArray(name, y, scores)
        #expect(streamed.bitPattern == whole.bitPattern || (streamed.isNaN && whole.isNaN),
                "\(name) epoch \(epoch): streamed \(streamed), whole array \(whole)")
      }
      #expect(m.name == name)
      #expect(m.higherIsBetter == !["hamming_loss", "coverage_error", "label_ranking_loss", "one_error", "binary_crossentropy"].contains(name))
    }
  }

  /// Crowded ties and negative scores, fed with another metric through the shared batch check.
  @Test func largeRankedMetricsEqualWholeArray() throws {
    let rows = 3001, labels = 5
    var (t, s) = StreamingTests.data(rows: rows, labels: labels, seed: 5)
    for k in stride(from: 0, to: s.count, by: 3) { s[k] = (s[k] * 4).rounded() / 4 }  // many equal scores
    for k in stride(from: 1, to: s.count, by: 7) { s[k] = -s[k] }
    for name in TrainingMetrics.names where name.hasPrefix("roc_auc") || name.hasPrefix("average_precision") {
      let metrics = [try TrainingMetrics.make(name), try TrainingMetrics.make("hamming_loss")]
      try StreamingTests.expectWholeArray(metrics, t, s, rows: rows, labels: labels, batch: 32, epochs: 2, context: "")
    }
  }

  /// Feeds `t` and `s` to `metrics` together in batches, for each epoch, and expects every
  /// result to be the whole-array value, bit for bit.
  static func expectWholeArray(_ metrics: [StreamingMetric], _ t: [Float], _ s: [Float], rows: Int, labels: Int,
                               batch: Int, epochs: Int, context: String) throws {
    let y = try Truths(checking: Scores(rows: rows, labels: labels, values: t.map(Double.init)), name: "y")
    let scores = Scores(rows: rows, labels: labels, values: s.map(Double.init))
    for epoch in 0..<epochs {
      for m in metrics { m.reset() }
      var start = 0
      while start < rows {
        let b = min(batch, rows - start)
        t.withUnsafeBufferPointer { tp in
          s.withUnsafeBufferPointer { sp in
            StreamingMetrics.update(metrics, truth: tp.baseAddress! + start * labels,
                                    scores: sp.baseAddress! + start * labels, rows: b, labels: labels)
          }
        }
        start += b
      }
      for m in metrics {
        let streamed = try m.result(), whole = try wholeArray(m.name, y, scores)
        #expect(streamed.bitPattern == whole.bitPattern || (streamed.isNaN && whole.isNaN),
                "\(context)\(m.name) epoch \(epoch): streamed \(streamed), whole array \(whole)")
      }
    }
  }

  @Test func unknownNamesAndBadBatchesAreErrors() throws {
    #expect(throws: TensorError.self) { try TrainingMetrics.make("f1_mikro") }
    do { _ = try TrainingMetrics.make("f1_mikro") } catch let e as TensorError {
      #expect(e.message.hasPrefix("unknown metric 'f1_mikro' (did you mean 'f1_micro'?)"))
    }
    let m = try TrainingMetrics.make("roc_auc_macro")
    #expect(throws: TensorError.self) { try m.result() }
    let truth: [Float] = [0, 2], scores: [Float] = [0.1, 0.2]
    m.update(truth: truth, scores: scores, rows: 1, labels: 2)
    do { _ = try m.result(); Issue.record("expected an error") } catch let e as TensorError {
      #expect(e.message == "roc_auc_macro: truths must be 0 or 1, got 2.0 at row 1, label 2")
    }
  }
}
