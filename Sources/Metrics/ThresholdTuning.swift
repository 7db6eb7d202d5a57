import Tensors

/// Decision thresholds chosen on validation data to maximise a threshold metric.
public enum ThresholdTuning {
  /// For each label (or once, pooling every cell), the threshold that maximises `metric`
  /// (zero_division 0). Candidates are the distinct scores; the returned threshold is the
  /// midpoint between the chosen score and the next lower one (the chosen score itself when
  /// it is the lowest), so `score >= threshold` reproduces the chosen predictions. Predicting
  /// nothing is a candidate too (a threshold above every score); ties keep the higher threshold.
  public static func best(_ truth: Truths, _ scores: Scores, metric: ThresholdMetric = .f1, perLabel: Bool = true) throws -> [Double] {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    if perLabel {
      return truth.rankedLabels(scores).map { best($0, metric: metric) }
    }
    let t = best(truth.rankedPooled(scores), metric: metric)
    return Array(repeating: t, count: truth.labels)
  }

  static func best(_ r: RankedBinary, metric: ThresholdMetric) -> Double {
    let P = r.p
    var keys = [UInt64]()
    var values = [Double]()
    var tps = 0, fps = 0
    r.walk { key, tp, fp in
      tps += tp; fps += fp
      keys.append(key)
      values.append(metric.value(tp: tps, fp: fps, fn: P - tps, zeroDivision: 0))
    }
    // Predicting nothing.
    var bestValue = metric.value(tp: 0, fp: 0, fn: P, zeroDivision: 0)
    var bestIndex = -1
    for (k, v) in values.enumerated() where v > bestValue { bestValue = v; bestIndex = k }
    if bestIndex < 0 {
      let top = SortKeys.score(keys[0])
      return top < 1 ? (top + 1) / 2 : top.nextUp
    }
    let chosen = SortKeys.score(keys[bestIndex])
    if bestIndex + 1 < keys.count { return (chosen + SortKeys.score(keys[bestIndex + 1])) / 2 }
    return chosen
  }
}
