import Foundation
import Tensors

/// The label ranking metrics of scikit-learn (`label_ranking_average_precision_score`,
/// `coverage_error`, `label_ranking_loss`) and one-error, all with scikit-learn's handling
/// of ties: a tied label counts as ranked above (max rank).
///
/// The one declaration of the ranking family: the `metrics` functions, the training metrics,
/// the report's fields and table, and their docs are all made from `allCases` and the
/// descriptions below.
public enum RankingMetric: String, CaseIterable, Sendable {
  case labelRankingAveragePrecision = "label_ranking_average_precision"
  case coverageError = "coverage_error"
  case labelRankingLoss = "label_ranking_loss"
  /// Fraction of rows whose top-scored label (the first one, among ties) is not relevant.
  case oneError = "one_error"

  /// Lower is better for all but LRAP.
  public var higherIsBetter: Bool { self == .labelRankingAveragePrecision }

  /// What the metric measures, in a few words (a report field's description).
  public var meaning: String {
    switch self {
    case .labelRankingAveragePrecision: return "label ranking average precision"
    case .coverageError: return "mean depth of the ranking that covers every true label"
    case .labelRankingLoss: return "fraction of (true, false) label pairs ranked wrongly or tied"
    case .oneError: return "fraction of rows whose top-scored label is not true"
    }
  }

  /// The summary of the `metrics` function of this name.
  public var summary: String {
    switch self {
    case .labelRankingAveragePrecision:
      return "Label ranking average precision (scikit-learn's label_ranking_average_precision_score; tied scores share the lower rank)."
    case .coverageError:
      return "How far down each row's ranking one must go to cover every true label, averaged (scikit-learn's coverage_error; ties count fully)."
    case .labelRankingLoss:
      return "Fraction of (true, false) label pairs ranked wrongly or tied, averaged over rows (scikit-learn's label_ranking_loss)."
    case .oneError:
      return "Fraction of rows whose top-scored label (the first among ties) is not a true label."
    }
  }

  /// What the `metrics` function of this name returns.
  public var range: String {
    switch self {
    case .labelRankingAveragePrecision: return "the mean over rows, in (0, 1]; a row with all or no labels relevant scores 1"
    case .coverageError: return "the mean over rows; a row without true labels counts 0"
    case .labelRankingLoss: return "the loss, in [0, 1]"
    case .oneError: return "the error, in [0, 1]"
    }
  }

  public func compute(_ truth: Truths, _ scores: Scores) throws -> Double {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    return mean(truth, scores, rows: self == .oneError ? [] : RowRanking.compute(truth, scores))
  }

  /// The mean over rows, from the rows' rankings (`RowRanking.compute`; one-error does not
  /// read them). Unchecked.
  func mean(_ truth: Truths, _ scores: Scores, rows: [RowRanking]) -> Double {
    if self == .oneError { return RankingMetric.oneError(truth, scores) }
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
            let tb = UnsafeSendable(t.baseAddress!), out = UnsafeSendable(out.baseAddress!)  // cannot fail: buffers from arrays or temporary allocations have addresses
            let sb = UnsafeSendable(UnsafeMutablePointer(mutating: s.baseAddress! + start))  // cannot fail: buffers from arrays or temporary allocations have addresses
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
