import Foundation
import Tensors

/// Every multilabel metric at once, from truths and scores: the ranking and curve metrics on
/// the scores, the threshold metrics on `score >= threshold`.
public struct MetricsReport {
  /// One label's line.
  public struct LabelLine {
    public var name: String
    public var support: Int
    public var precision: Double, recall: Double, f1: Double
    public var rocAuc: Double, averagePrecision: Double
  }

  public var rows: Int
  public var labels: Int
  public var thresholds: [Double]
  /// "roc_auc_macro", "f1_micro", "hamming_loss", ... (the names of the training metrics).
  public var values: [(name: String, value: Double)]
  public var perLabel: [LabelLine]
  public var confusion: [[[Int]]]

  public subscript(name: String) -> Double? { values.first { $0.name == name }?.value }

  public init(_ truth: Truths, _ scores: Scores, thresholds: [Double], labelNames: [String]? = nil) throws {
    try checkPair(truth, scores, otherName: "s")
    try scores.checkNoNaN(name: "'s'")
    precondition(thresholds.count == truth.labels)  // cannot fail: metrics.report makes one threshold per label (MetricsLibrary.thresholds)
    if let names = labelNames, names.count != truth.labels {
      throw TensorError("label_names has \(names.count) names for \(truth.labels) labels")
    }
    rows = truth.rows
    labels = truth.labels
    self.thresholds = thresholds
    let support = truth.support
    let ranked = truth.ranked(scores, labels: true, pooled: true)
    let perLabelScores = parallelMap(ranked.labels) { $0.rocAucAndAveragePrecision }
    let (microAuc, microAP) = ranked.pooled!.rocAucAndAveragePrecision  // cannot fail: asked for with pooled: true
    let rowRanks = RowRanking.compute(truth, scores)
    let counts = ConfusionCounts(truth, scores.thresholded(thresholds))
    let auc = perLabelScores.map(\.0), ap = perLabelScores.map(\.1)
    let n = Double(rows)
    var v: [(String, Double)] = []
    v.append(("roc_auc_micro", microAuc))
    v.append(("roc_auc_macro", combine(auc, support: support, average: .macro)))
    v.append(("roc_auc_weighted", combine(auc, support: support, average: .weighted)))
    v.append(("roc_auc_samples", rowRanks.reduce(0) { $0 + $1.rocAuc } / n))
    v.append(("average_precision_micro", microAP))
    v.append(("average_precision_macro", combine(ap, support: support, average: .macro)))
    v.append(("average_precision_weighted", combine(ap, support: support, average: .weighted)))
    v.append(("average_precision_samples", rowRanks.reduce(0) { $0 + $1.averagePrecision } / n))
    for m in ThresholdMetric.allCases {
      for a in [Average.micro, .macro, .weighted, .samples] {
        v.append(("\(m.rawValue)_\(a.rawValue)", m.value(counts, average: a).scalar ?? .nan))
      }
    }
    v.append(("hamming_loss", counts.hammingLoss))
    v.append(("subset_accuracy", counts.subsetAccuracy))
    v.append(("binary_accuracy", counts.binaryAccuracy))
    for r in RankingMetric.allCases { v.append((r.rawValue, r.mean(truth, scores, rows: rowRanks))) }
    v.append(("binary_crossentropy", BinaryCrossentropy.mean(truth, scores)))
    values = v
    confusion = counts.matrices
    let p = ThresholdMetric.precision.perLabel(counts), r = ThresholdMetric.recall.perLabel(counts)
    let f = ThresholdMetric.f1.perLabel(counts)
    perLabel = (0..<labels).map { j in
      LabelLine(name: labelNames?[j] ?? "label_\(j + 1)", support: support[j], precision: p[j], recall: r[j],
                f1: f[j], rocAuc: auc[j], averagePrecision: ap[j])
    }
  }

  /// A readable table: one line per label, the averages, then the other metrics.
  public var description: String {
    func num(_ d: Double) -> String { d.isNaN ? "nan" : String(format: "%.4f", d) }
    let width = max(8, ((perLabel.map(\.name.count) + ["weighted".count]).max() ?? 0) + 2)
    func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, w - s.count))
      return left ? s + fill : fill + s
    }
    let header = ["precision", "recall", "f1", "roc_auc", "avg_prec", "support"]
    var out = pad("", width, left: true) + header.map { pad($0, 10) }.joined() + "\n"
    for l in perLabel {
      out += pad(l.name, width, left: true)
        + [l.precision, l.recall, l.f1, l.rocAuc, l.averagePrecision].map { pad(num($0), 10) }.joined()
        + pad(String(l.support), 10) + "\n"
    }
    let total = perLabel.reduce(0) { $0 + $1.support }
    for a in ["micro", "macro", "weighted", "samples"] {
      let cells = ["precision", "recall", "f1", "roc_auc", "average_precision"].map { self["\($0)_\(a)"] ?? .nan }
      out += pad(a, width, left: true) + cells.map { pad(num($0), 10) }.joined() + pad(String(total), 10) + "\n"
    }
    out += "\n"
    let others = ["hamming_loss", "subset_accuracy", "jaccard_samples"] + RankingMetric.allCases.map(\.rawValue)
      + ["binary_crossentropy"]
    let w2 = (others.map(\.count).max() ?? 0) + 2
    out += others.map { pad($0, w2, left: true) + num(self[$0] ?? .nan) }.joined(separator: "\n")
    out += "\n\(rows) rows, \(labels) labels, " + (Set(thresholds).count == 1 ? "threshold \(thresholds[0])" : "per-label thresholds")
    return out
  }
}
