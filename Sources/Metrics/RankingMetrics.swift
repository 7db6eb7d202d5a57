import Foundation
import Tensors

/// The label ranking metrics of scikit-learn (`label_ranking_average_precision_score`,
/// `coverage_error`, `label_ranking_loss`) and one-error, all with scikit-learn's handling
/// of ties: a tied label counts as ranked above (max rank).
public enum RankingMetric: String, CaseIterable, Sendable {
  case labelRankingAveragePrecision = "label_ranking_average_precision"
  case coverageError = "coverage_error"
  case labelRankingLoss = "label_ranking_loss"
  /// Fraction of rows whose top-scored label (the first one, among ties) is not relevant.
  case oneError = "one_error"

  /// Lower is better for all but LRAP.
  public var higherIsBetter: Bool { self == .labelRankingAveragePrecision }

  public func compute(_ truth: Truths, _ scores: Scores) throws -> Double {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    if self == .oneError { return RankingMetric.oneError(truth, scores) }
    let rows = RowRanking.compute(truth, scores)
    var sum = 0.0
    switch self {
    case .labelRankingAveragePrecision: for r in rows { sum += r.lrap }
    case .coverageError: for r in rows { sum += Double(r.coverage) }
    case .labelRankingLoss: for r in rows { sum += r.rankingLoss }
    case .oneError: break
    }
    return sum / Double(truth.rows)
  }

  static func oneError(_ truth: Truths, _ scores: Scores) -> Double {
    let L = truth.labels
    var errors = 0
    for i in 0..<truth.rows {
      var best = 0
      for j in 1..<max(L, 1) where scores.values[i * L + j] > scores.values[i * L + best] { best = j }
      if truth.values[i * L + best] == 0 { errors += 1 }
    }
    return Double(errors) / Double(truth.rows)
  }
}

/// Mean binary cross-entropy over every cell, probabilities clipped to [1e-7, 1 − 1e-7].
public enum BinaryCrossentropy {
  public static let epsilon = 1e-7

  /// Adds the cells' losses to `sum` in row-major order.
  @inline(__always)
  static func accumulate(_ sum: inout Double, truth: Double, score: Double) {
    let p = min(max(score, epsilon), 1 - epsilon)
    sum -= truth != 0 ? log(p) : log(1 - p)
  }

  public static func compute(_ truth: Truths, _ scores: Scores) throws -> Double {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    return mean(truth, scores)
  }

  /// The mean, unchecked. The logarithms run on both cores a block at a time; the sum is
  /// taken in row-major order, as a stream of batches adds it.
  static func mean(_ truth: Truths, _ scores: Scores) -> Double {
    let n = scores.values.count
    let block = 1 << 16
    var terms = [Double](repeating: 0, count: min(n, block))
    var sum = 0.0
    var start = 0
    while start < n {
      let count = min(block, n - start)
      terms.withUnsafeMutableBufferPointer { out in
        let box = UnsafeSendable(out.baseAddress!)
        let chunks = count >= 4096 ? 8 : 1
        Parallel.forEach(chunks) { c in
          for k in (count * c / chunks)..<(count * (c + 1) / chunks) {
            var cell = 0.0
            accumulate(&cell, truth: Double(truth.values[start + k]), score: scores.values[start + k])
            box.pointer[k] = cell
          }
        }
      }
      for k in 0..<count { sum += terms[k] }
      start += count
    }
    return sum / Double(n)
  }
}
