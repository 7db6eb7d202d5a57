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

  /// The cells' losses into `out` (`Elementwise.binaryCrossentropyTerms`); the sum is then
  /// taken in row-major order, by the whole-array metric and by the stream alike.
  @inline(__always)
  static func terms(truth: UnsafePointer<Double>, scores: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
                    count: Int) {
    Elementwise.binaryCrossentropyTerms(truth: truth, scores: scores, epsilon: epsilon, out: out, count: count)
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
    var truths = [Double](repeating: 0, count: min(n, block)), terms = truths
    var sum = 0.0
    var start = 0
    while start < n {
      let count = min(block, n - start)
      for k in 0..<count { truths[k] = Double(truth.values[start + k]) }
      truths.withUnsafeMutableBufferPointer { t in
        scores.values.withUnsafeBufferPointer { s in
          terms.withUnsafeMutableBufferPointer { out in
            let chunks = count >= 4096 ? 8 : 1
            let tb = UnsafeSendable(t.baseAddress!), out = UnsafeSendable(out.baseAddress!)
            let sb = UnsafeSendable(UnsafeMutablePointer(mutating: s.baseAddress! + start))
            Parallel.forEach(chunks) { c in
              let lo = count * c / chunks, hi = count * (c + 1) / chunks
              BinaryCrossentropy.terms(truth: tb.pointer + lo, scores: sb.pointer + lo, into: out.pointer + lo, count: hi - lo)
            }
          }
        }
      }
      for k in 0..<count { sum += terms[k] }
      start += count
    }
    return sum / Double(n)
  }
}
