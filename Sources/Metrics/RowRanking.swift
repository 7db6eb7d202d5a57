import Tensors

/// Everything the per-row ranking metrics need from one row, found in one walk down the
/// row's sorted scores (positives and negatives sorted apart, ties taken together).
struct RowRanking {
  /// ROC AUC of the row (NaN unless it has both classes): `samples` averaging.
  var rocAuc: Double
  /// Average precision of the row (0 without positives): `samples` averaging.
  var averagePrecision: Double
  /// Label ranking average precision (1 when all or none of the labels are relevant).
  var lrap: Double
  /// Pairs (relevant, irrelevant) ordered wrongly or tied, over P·N (0 when P or N is 0).
  var rankingLoss: Double
  /// How far down the ranking to go to cover every relevant label (ties count fully).
  var coverage: Int

  static func compute(_ truth: Truths, _ scores: Scores) -> [RowRanking] {
    let n = truth.rows, L = truth.labels
    let out = UnsafeMutablePointer<RowRanking>.allocate(capacity: n)
    defer { out.deallocate() }
    let box = UnsafeSendable(out)
    let chunks = min(n, 64)
    Parallel.forEach(chunks) { c in
      var pos = [UInt64](), neg = [UInt64]()
      pos.reserveCapacity(L); neg.reserveCapacity(L)
      for i in (n * c / chunks)..<(n * (c + 1) / chunks) {
        pos.removeAll(keepingCapacity: true)
        neg.removeAll(keepingCapacity: true)
        for j in 0..<L {
          let k = SortKeys.key(scores.values[i * L + j])
          if truth.values[i * L + j] != 0 { pos.append(k) } else { neg.append(k) }
        }
        pos.sort(); neg.sort()
        (box.pointer + i).initialize(to: RowRanking(positives: pos, negatives: neg))
      }
    }
    return Array(UnsafeBufferPointer(start: out, count: n))
  }

  init(positives: [UInt64], negatives: [UInt64]) {
    self = positives.withUnsafeBufferPointer { pos in
      negatives.withUnsafeBufferPointer { neg in RowRanking(positives: pos, negatives: neg) }
    }
  }

  /// From the row's keys (any order-keeping keys, ties equal), each class sorted ascending.
  init(positives pos: UnsafeBufferPointer<UInt64>, negatives neg: UnsafeBufferPointer<UInt64>) {
    let P = pos.count, N = neg.count
    var tps = 0, fps = 0, area2 = 0
    var ap = 0.0
    var wrong = 0, cover = 0
    RankedBinary.walk(pos, neg) { _, tp, fp in
      area2 += fp * (2 * tps + tp)
      tps += tp
      fps += fp
      if tp > 0 {
        ap += Double(tp) * (Double(tps) / Double(tps + fps))
        wrong += tp * fps
        cover = tps + fps  // everything scoring at least the lowest relevant score so far
      }
    }
    rocAuc = P > 0 && N > 0 ? Double(area2) / (2 * Double(P) * Double(N)) : .nan
    averagePrecision = P > 0 ? ap / Double(P) : 0
    lrap = P == 0 || N == 0 ? 1 : ap / Double(P)
    rankingLoss = P == 0 || N == 0 ? 0 : Double(wrong) / (Double(P) * Double(N))
    coverage = cover
  }
}

