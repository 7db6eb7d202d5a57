import Tensors

/// A ROC curve as scikit-learn's `roc_curve(drop_intermediate=True)`: the first threshold
/// is +infinity, fpr and tpr are NaN when a class is absent.
public struct RocCurve: Equatable {
  public var fpr: [Double], tpr: [Double], thresholds: [Double]
}

/// A precision-recall curve as scikit-learn's `precision_recall_curve`: thresholds rising,
/// precision and recall with the final (1, 0) point.
public struct PrecisionRecallCurve: Equatable {
  public var precision: [Double], recall: [Double], thresholds: [Double]
}

/// The curves of one label, or of every cell pooled (micro).
public enum Curves {
  /// Which binary problem: a label counted from 0, or every cell pooled.
  public enum Selection: Equatable { case label(Int), pooled }

  static func ranked(_ truth: Truths, _ scores: Scores, _ selection: Selection) throws -> RankedBinary {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    switch selection {
    case .pooled: return truth.rankedPooled(scores)
    case .label(let j):
      guard j >= 0, j < truth.labels else {
        throw TensorError("label \(j + 1) is out of range: the data has \(truth.labels) label\(truth.labels == 1 ? "" : "s") (counted from 1)")
      }
      var pos = [UInt64](), neg = [UInt64]()
      for i in 0..<truth.rows {
        let k = SortKeys.key(scores[i, j])
        if truth[i, j] != 0 { pos.append(k) } else { neg.append(k) }
      }
      return RankedBinary(positives: pos, negatives: neg)
    }
  }

  /// Cumulative (fps, tps, threshold) per distinct score, highest first.
  static func steps(_ r: RankedBinary) -> (fps: [Int], tps: [Int], thresholds: [Double]) {
    var fps = [Int](), tps = [Int](), th = [Double]()
    var tp = 0, fp = 0
    r.walk { key, dtp, dfp in
      tp += dtp; fp += dfp
      tps.append(tp); fps.append(fp); th.append(SortKeys.score(key))
    }
    return (fps, tps, th)
  }

  public static func roc(_ truth: Truths, _ scores: Scores, _ selection: Selection) throws -> RocCurve {
    let (fps0, tps0, th0) = steps(try ranked(truth, scores, selection))
    var fps = [0], tps = [0], th = [Double.infinity]
    // drop_intermediate: keep the ends and every point where the curve bends.
    let m = fps0.count
    for k in 0..<m {
      let keep: Bool
      if m <= 2 || k == 0 || k == m - 1 { keep = true } else {
        let d2f = fps0[k + 1] - 2 * fps0[k] + fps0[k - 1]
        let d2t = tps0[k + 1] - 2 * tps0[k] + tps0[k - 1]
        keep = d2f != 0 || d2t != 0
      }
      if keep { fps.append(fps0[k]); tps.append(tps0[k]); th.append(th0[k]) }
    }
    let P = tps.last ?? 0, N = fps.last ?? 0
    let fpr = fps.map { N > 0 ? Double($0) / Double(N) : .nan }
    let tpr = tps.map { P > 0 ? Double($0) / Double(P) : .nan }
    return RocCurve(fpr: fpr, tpr: tpr, thresholds: th)
  }

  public static func precisionRecall(_ truth: Truths, _ scores: Scores, _ selection: Selection) throws -> PrecisionRecallCurve {
    let (fps, tps, th) = steps(try ranked(truth, scores, selection))
    let P = tps.last ?? 0
    var precision = [Double](), recall = [Double]()
    for k in stride(from: tps.count - 1, through: 0, by: -1) {
      let all = tps[k] + fps[k]
      precision.append(all == 0 ? 0 : Double(tps[k]) / Double(all))
      recall.append(P == 0 ? 1 : Double(tps[k]) / Double(P))
    }
    precision.append(1)
    recall.append(0)
    return PrecisionRecallCurve(precision: precision, recall: recall, thresholds: th.reversed())
  }
}
