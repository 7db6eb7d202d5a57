import Testing
import TestSupport
import Tensors
@testable import CrescentMetrics

/// Every training metric streamed over uneven batches equals the whole-array metric exactly.
struct StreamingTests {
  /// Random truths and float32 scores, some tied, with the expected whole-array values.
  static func data(rows: Int, labels: Int, seed: UInt64) -> ([Float], [Float]) {
    var r = SplitMix64(seed: seed)
    var t = [Float](), s = [Float]()
    for _ in 0..<(rows * labels) {
      let truth: Float = r.unitDouble() < 0.4 ? 1 : 0
      var score = Float(min(1, max(0, Double(truth) * 0.3 + r.unitDouble() * 0.7)))
      if r.unitDouble() < 0.2 { score = (score * 10).rounded() / 10 }  // ties
      t.append(truth)
      s.append(score)
    }
    return (t, s)
  }

  @Test func streamedEqualsWholeArray() throws {
    let rows = 203, labels = 7
    let (t, s) = StreamingTests.data(rows: rows, labels: labels, seed: 11)
    let batches = [1, 64, 50, 0, 88]
    #expect(batches.reduce(0, +) == rows)
    #expect(TrainingMetrics.names.count >= 30)
    let lowerIsBetter = ["hamming_loss", "binary_crossentropy"] + RankingMetric.allCases.filter { !$0.higherIsBetter }.map(\.rawValue)
    for name in TrainingMetrics.names {
      try checkMetric(name, truths: t, scores: s, rows: rows, labels: labels, batches: batches)
      let m = try TrainingMetrics.make(name)
      #expect(m.name == name)
      #expect(m.higherIsBetter == !lowerIsBetter.contains(name))
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
      try checkMetric(metrics, truths: t, scores: s, rows: rows, labels: labels, batches: [32])
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
