import Tensors

/// The per-row ranking metrics (samples-averaged ROC AUC and average precision, label ranking
/// average precision, coverage error, label ranking loss, one-error): each row's value is
/// worked out as its batch arrives and added in row order, as the whole-array metric adds
/// them, so nothing is kept but the sum.
final class RowStream: StreamingBase, StreamingMetric {
  enum Value {
    case rocAuc, averagePrecision, labelRankingAveragePrecision, coverage, rankingLoss, oneError
  }

  let value: Value
  let higherIsBetter: Bool
  var sum = 0.0

  init(name: String, value: Value, higherIsBetter: Bool) {
    self.value = value
    self.higherIsBetter = higherIsBetter
    super.init(name: name)
  }

  override func add(_ batch: StreamingBatch) {
    let L = batch.labels
    guard L > 0 else { return }  // result() reports it
    if value == .oneError {
      // The first of the top-scored labels, as RankingMetric.oneError.
      for i in 0..<batch.rows {
        let s = batch.scores + i * L
        var best = 0
        for j in 1..<L where s[j] > s[best] { best = j }
        if batch.truth8[i * L + best] == 0 { sum += 1 }
      }
      return
    }
    if L <= RowStream.pairwiseLabels {
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * L) { buffer in
        let positives = buffer.baseAddress!, negatives = positives + L  // cannot fail: buffers from arrays or temporary allocations have addresses
        for i in 0..<batch.rows {
          // The keys as signed numbers in the same order, positives and negatives apart (each
          // key is written to both lists, the count of one of them moves on: no branches).
          var p = 0, q = 0
          for j in 0..<L {
            let key = Int32(bitPattern: ScoreKey.general(batch.scores[i * L + j]) ^ 0x8000_0000)
            let positive = Int(batch.truth8[i * L + j])
            positives[p] = key
            negatives[q] = key
            p &+= positive
            q &+= 1 &- positive
          }
          sum += RowStream.pairwise(value, positives: positives, p, negatives: negatives, q)
        }
      }
      return
    }
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * L) { buffer in
      let positives = buffer.baseAddress!, negatives = positives + L  // cannot fail: buffers from arrays or temporary allocations have addresses
      for i in 0..<batch.rows {
        let s = batch.scores + i * L, t = batch.truth8 + i * L
        var p = 0, q = 0
        for j in 0..<L {
          let key = UInt64(ScoreKey.general(s[j]))
          if t[j] != 0 { positives[p] = key; p += 1 } else { negatives[q] = key; q += 1 }
        }
        FloatRanking.sortBucket(positives, 0, p)
        FloatRanking.sortBucket(negatives, 0, q)
        let row = RowRanking(positives: UnsafeBufferPointer(start: positives, count: p),
                             negatives: UnsafeBufferPointer(start: negatives, count: q))
        switch value {
        case .rocAuc: sum += row.rocAuc
        case .averagePrecision: sum += row.averagePrecision
        case .labelRankingAveragePrecision: sum += row.lrap
        case .coverage: sum += Double(row.coverage)
        case .rankingLoss: sum += row.rankingLoss
        case .oneError: break
        }
      }
    }
  }

  /// 1 when a >= b, else 0, without a branch (the outcomes within a row are coin flips).
  @inline(__always) static func atLeast(_ a: Int32, _ b: Int32) -> Int32 {
    Int32(truncatingIfNeeded: ((Int64(a) &- Int64(b)) >> 63) &+ 1)
  }

  /// Up to this many labels a row is ranked by comparing every pair of its labels.
  static let pairwiseLabels = 32

  /// One row's value, as `RowRanking` gives it, from counts over its (positive, negative)
  /// pairs, without branches: no sort but of the positives' keys, which sets the order of
  /// average precision's sum (highest first, ties as one step).
  static func pairwise(_ value: Value, positives pk: UnsafeMutablePointer<Int32>, _ P: Int,
                       negatives nk: UnsafePointer<Int32>, _ N: Int) -> Double {
    switch value {
    case .rocAuc:
      guard P > 0 && N > 0 else { return .nan }
      // 2 when the positive is above, 1 when tied: above or tied, plus 1 less below or tied.
      var area2 = 0
      for a in 0..<P {
        var pairs: Int32 = 0
        for b in 0..<N { pairs &+= atLeast(pk[a], nk[b]) &+ 1 &- atLeast(nk[b], pk[a]) }
        area2 &+= Int(pairs)
      }
      return Double(area2) / (2 * Double(P) * Double(N))
    case .rankingLoss:
      guard P > 0 && N > 0 else { return 0 }
      var wrong = 0
      for a in 0..<P {
        var pairs: Int32 = 0
        for b in 0..<N { pairs &+= atLeast(nk[b], pk[a]) }
        wrong &+= Int(pairs)
      }
      return Double(wrong) / (Double(P) * Double(N))
    case .coverage:
      // Everything scoring at least the lowest positive.
      var lowest = Int32.max
      for a in 0..<P { lowest = min(lowest, pk[a]) }
      var cover: Int32 = 0
      for a in 0..<P { cover &+= atLeast(pk[a], lowest) }
      for b in 0..<N { cover &+= atLeast(nk[b], lowest) }
      return Double(P == 0 ? 0 : cover)
    case .averagePrecision, .labelRankingAveragePrecision:
      if P == 0 { return value == .averagePrecision ? 0 : 1 }
      if N == 0 && value == .labelRankingAveragePrecision { return 1 }
      // The positives highest first.
      for a in 1..<max(P, 1) {
        let v = pk[a]
        var at = a
        while at > 0 && pk[at - 1] < v { pk[at] = pk[at - 1]; at -= 1 }
        pk[at] = v
      }
      var ap = 0.0, g = 0
      while g < P {
        let key = pk[g]
        var e = g + 1
        while e < P && pk[e] == key { e += 1 }
        var negativesAbove: Int32 = 0
        for b in 0..<N { negativesAbove &+= atLeast(nk[b], key) }
        ap += Double(e - g) * (Double(e) / Double(e + Int(negativesAbove)))
        g = e
      }
      return ap / Double(P)
    case .oneError:
      return 0  // counted in add
    }
  }

  func result() throws -> Double {
    _ = try checkRankedResult()
    return sum / Double(rows)
  }

  func reset() {
    resetBase()
    sum = 0
  }
}
