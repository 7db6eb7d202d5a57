import Catalog
import Tensors

extension MetricsLibrary {
  static var tuningEntries: [Entry] {
    [
      entry("best_thresholds", "Decision thresholds that maximise a metric on validation data, per label or one for all.",
            returns: [Returned(.list(.number), "one threshold per label (all equal when per_label is false)")],
            details: "Candidates are the distinct scores. Each threshold is the midpoint between the chosen score and the next lower one, so `s >= threshold` gives the chosen predictions; predicting nothing (a threshold above every score) is a candidate, and ties keep the higher threshold.") { d in
        let ys = TruthAndScores(d)
        let metric = d.option("metric", ThresholdMetric.self, "the metric to maximise (zero_division 0)", default: .f1)
        let perLabel = d.option("per_label", Bool.self, "one threshold per label (else one for every cell, maximising the micro average)", default: true)
        return { a in
          let (y, s) = try ys.read(a)
          return [numbers(try ThresholdTuning.best(y, s, metric: try a[metric], perLabel: try a[perLabel]))]
        }
      },
      entry("apply_thresholds", "0/1 predictions from scores: 1 where the score is at or above its label's threshold.",
            returns: [Returned(.tensor, "a rows x labels tensor of 0 and 1")]) { d in
        let scoreArg = d.parameter(scoreParameter, Value.self)
        let thresholdsArg = d.parameter("thresholds", Value.self, "one threshold, or one per label", as: .either(.number, .list(.number)))
        return { a in
          let s = try scores(try a[scoreArg])
          let t = try thresholds(try a[thresholdsArg], labels: s.labels, option: "thresholds")
          let p = s.thresholded(t)
          return [.tensor(Tensor(shape: [s.rows, s.labels], scalars: p.values.map(Float.init)))]
        }
      },
    ]
  }
}
