import Catalog
import Tensors

extension MetricsLibrary {
  static var tuningEntries: [Entry] {
    [
      entry("best_thresholds", "Decision thresholds that maximise a metric on validation data, per label or one for all.",
            parameters: [truthParameter, scoreParameter],
            options: [Parameter("metric", .oneOf(ThresholdMetric.allCases.map(\.rawValue)), "the metric to maximise (zero_division 0)", default: .string("f1")),
                      Parameter("per_label", .bool, "one threshold per label (else one for every cell, maximising the micro average)", default: .bool(true))],
            returns: [Returned(.list(.number), "one threshold per label (all equal when per_label is false)")],
            details: "Candidates are the distinct scores. Each threshold is the midpoint between the chosen score and the next lower one, so `s >= threshold` gives the chosen predictions; predicting nothing (a threshold above every score) is a candidate, and ties keep the higher threshold.") { a in
        let (y, s) = try truthAndScores(a)
        let t = try ThresholdTuning.best(y, s, metric: ThresholdMetric(rawValue: a.string("metric"))!, perLabel: a.bool("per_label"))
        return [numbers(t)]
      },
      entry("apply_thresholds", "0/1 predictions from scores: 1 where the score is at or above its label's threshold.",
            parameters: [scoreParameter, Parameter("thresholds", .either(.number, .list(.number)), "one threshold, or one per label")],
            returns: [Returned(.tensor, "a rows x labels tensor of 0 and 1")]) { a in
        let s = try scores(a)
        let t = try thresholds(a, labels: s.labels, option: "thresholds")
        let p = s.thresholded(t)
        return [.tensor(Tensor(shape: [s.rows, s.labels], scalars: p.values.map(Float.init)))]
      },
    ]
  }
}
