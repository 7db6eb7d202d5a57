import Foundation
import Testing
import TestSupport
import Tensors
@testable import CrescentMetrics

/// The streamed ROC AUC and average precision rank kept float32 keys with buckets, and the
/// per-row ranking metrics rank each row as it arrives; each score shape that stresses a
/// different path must still give the whole-array value exactly.
struct FloatRankingTests {
  /// A generator of scores of one shape, with about 30% positives that score a bit higher.
  static func data(rows: Int, labels: Int, seed: UInt64, score: (inout RandomStream, Float) -> Float) -> ([Float], [Float]) {
    var random = RandomStream(seed: seed)
    var t = [Float](), s = [Float]()
    for _ in 0..<(rows * labels) {
      let truth: Float = random.uniform() < 0.3 ? 1 : 0
      t.append(truth)
      s.append(score(&random, truth))
    }
    return (t, s)
  }

  static let shapes: [(String, @Sendable (inout RandomStream, Float) -> Float)] = [
    // A trained model: logits far from 0, so probabilities crowd at both ends.
    ("saturated", { r, t in 1 / (1 + exp(-(r.normal() * 8 + (t == 1 ? 6 : -6)))) }),
    // Early training: everything near one value.
    ("narrow", { r, t in 0.3 + r.uniform() * 1e-3 + t * 1e-4 }),
    // Few distinct values: every bucket crowded with ties.
    ("coarse", { r, t in (Float(Int(r.uniform() * 6)) + t) / 7 }),
    // Uniform with ties, and a cluster of equal scores.
    ("uniform", { r, t in r.uniform() < 0.1 ? 0.5 : min(1, r.uniform() * 0.8 + t * 0.2) }),
    // One value for every cell.
    ("constant", { _, _ in 0.25 }),
    // Scores outside [0, 1], so the keys change kind as they arrive.
    ("unbounded", { r, t in r.normal() * 3 + t }),
  ]

  static let rankingNames = TrainingMetrics.names.filter { $0.hasPrefix("roc_auc") || $0.hasPrefix("average_precision") }
    + RankingMetric.allCases.map(\.rawValue)

  static func check(rows: Int, labels: Int, batch: Int, seed: UInt64, shapes: [String]? = nil,
                    names: [String] = rankingNames) throws {
    for (shape, score) in FloatRankingTests.shapes where shapes?.contains(shape) ?? true {
      var (t, s) = data(rows: rows, labels: labels, seed: seed, score: score)
      if shape == "unbounded" {
        // The first batches stay within [0, 1]; a later one brings the first score outside.
        for k in 0..<(batch * labels) { s[k] = 1 / (1 + exp(-s[k])) }
      }
      let metrics = try names.map { try TrainingMetrics.make($0) }
      try checkMetric(metrics, truths: t, scores: s, rows: rows, labels: labels, batches: [batch], context: "\(shape) ")
    }
  }

  @Test func everyScoreShapeEqualsWholeArray() throws {
    try FloatRankingTests.check(rows: 1001, labels: 4, batch: 32, seed: 3)
  }

  /// Rows with more labels than are compared pair by pair.
  @Test func manyLabelsEqualWholeArray() throws {
    try FloatRankingTests.check(rows: 150, labels: RowStream.pairwiseLabels + 9, batch: 16, seed: 6,
                                names: ["roc_auc_samples", "average_precision_samples"] + RankingMetric.allCases.map(\.rawValue))
  }

  /// Enough cells for the labels to be ranked on both cores.
  @Test func sharedRankingEqualsWholeArray() throws {
    let rows = FloatRanking.sharedFrom / 4 + 3
    try FloatRankingTests.check(rows: rows, labels: 4, batch: 1000, seed: 4, shapes: ["saturated", "coarse", "unbounded"])
  }

  /// Labels without a positive, or without a negative, between ordinary ones (the ranking
  /// answers those without ranking them), and a label with a narrow range after them.
  @Test func oneClassLabelsBetweenOthers() throws {
    let rows = 700, labels = 5
    var (t, s) = FloatRankingTests.data(rows: rows, labels: labels, seed: 8) { r, t in min(1, r.uniform() * 0.8 + t * 0.2) }
    for i in 0..<rows {
      t[i * labels + 1] = 0
      t[i * labels + 2] = 1
      s[i * labels + 3] = s[i * labels + 3] * 0.01 + 0.9  // a narrow range after them
    }
    let names = TrainingMetrics.names.filter { $0.hasPrefix("average_precision") && $0 != "average_precision_samples" }
    try checkMetric(try names.map { try TrainingMetrics.make($0) }, truths: t, scores: s, rows: rows, labels: labels,
                    batches: [64], context: "one-class labels ")
  }

  @Test func unitKeysKeepOrderAndTies() {
    var values: [Float] = [0, -0.0, .leastNonzeroMagnitude, 1e-30, 1e-7, 0.25, 0.4999999, 0.5, 0.5000001, 0.75,
                           0.99, 0.9999999, 1]
    var random = RandomStream(seed: 9)
    for _ in 0..<2000 { values.append(random.uniform()) }
    for _ in 0..<2000 { values.append(1 - random.uniform() * 1e-3) }
    for a in values {
      #expect(ScoreKey.general(unit: ScoreKey.unit(a)) == ScoreKey.general(a), "\(a)")
    }
    let sorted = values.sorted()
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      #expect(a == b ? ScoreKey.unit(a) == ScoreKey.unit(b) : ScoreKey.unit(a) < ScoreKey.unit(b), "\(a) \(b)")
      #expect(a == b ? ScoreKey.general(a) == ScoreKey.general(b) : ScoreKey.general(a) < ScoreKey.general(b), "\(a) \(b)")
    }
  }

  /// Cells in buckets in order, shuffled within each bucket: sorted for every bucket size,
  /// including sizes past the branch-free window.
  @Test func nearlySortedSortsBucketedCells() {
    var random = RandomStream(seed: 12)
    for crowded in [1, 2, 4, 5, 8, 9, 20, 32] {
      var cells: [UInt64] = []
      var base: UInt64 = 0
      while cells.count < 3000 {
        let size = 1 + random.integer(below: crowded)
        var bucket = (0..<size).map { _ in base + UInt64(random.integer(below: 50)) }
        for i in stride(from: bucket.count - 1, to: 0, by: -1) { bucket.swapAt(i, random.integer(below: i + 1)) }
        cells += bucket
        base += 100
      }
      let expected = cells.sorted()
      cells.withUnsafeMutableBufferPointer { FloatRanking.nearlySorted($0.baseAddress!, $0.count) }
      #expect(cells == expected, "crowded \(crowded)")
    }
  }
}
