import Catalog
import Foundation
import Tensors

/// The metrics `model:compile{metrics = {...}}` accepts, by name, as streaming metrics.
public enum TrainingMetrics {
  /// Scores at or above this are predicted positive by the threshold metrics.
  public static let threshold = 0.5

  struct Spec: Sendable {
    let higherIsBetter: Bool
    let make: @Sendable (String) -> StreamingMetric
  }

  static let specs: [(String, Spec)] = {
    var out: [(String, Spec)] = []
    for a in [Average.macro, .micro, .weighted] {
      out.append(("roc_auc_\(a.rawValue)", ranked(.rocAuc(a))))
    }
    out.append(("roc_auc_samples", row(.rocAuc, higherIsBetter: true)))
    for a in [Average.macro, .micro, .weighted] {
      out.append(("average_precision_\(a.rawValue)", ranked(.averagePrecision(a))))
    }
    out.append(("average_precision_samples", row(.averagePrecision, higherIsBetter: true)))
    for m in ThresholdMetric.allCases {
      for a in [Average.micro, .macro, .weighted, .samples] {
        out.append(("\(m.rawValue)_\(a.rawValue)", confusion(true, perRow: a == .samples) { m.value($0, average: a).scalar ?? .nan }))
      }
    }
    out.append(("hamming_loss", confusion(false, perRow: false) { $0.hammingLoss }))
    out.append(("subset_accuracy", confusion(true, perRow: true) { $0.subsetAccuracy }))
    out.append(("binary_accuracy", confusion(true, perRow: false) { $0.binaryAccuracy }))
    for r in RankingMetric.allCases {
      let value: RowStream.Value
      switch r {
      case .labelRankingAveragePrecision: value = .labelRankingAveragePrecision
      case .coverageError: value = .coverage
      case .labelRankingLoss: value = .rankingLoss
      case .oneError: value = .oneError
      }
      out.append((r.rawValue, row(value, higherIsBetter: r.higherIsBetter)))
    }
    out.append(("binary_crossentropy", Spec(higherIsBetter: false) { CrossentropyStream(name: $0) }))
    return out
  }()

  /// ROC AUC or average precision over labels or pooled: the scores kept and ranked at the end.
  static func ranked(_ metric: FloatRanking.Metric) -> Spec {
    Spec(higherIsBetter: true) { KeptScoresStream(name: $0, metric: metric) }
  }

  /// A mean over rows of a per-row ranking value, summed as batches arrive.
  static func row(_ value: RowStream.Value, higherIsBetter: Bool) -> Spec {
    Spec(higherIsBetter: higherIsBetter) { RowStream(name: $0, value: value, higherIsBetter: higherIsBetter) }
  }

  /// `perRow`: whether `f` reads the per-row sums or exact rows of the counts.
  static func confusion(_ higher: Bool, perRow: Bool, _ f: @escaping @Sendable (ConfusionCounts) -> Double) -> Spec {
    Spec(higherIsBetter: higher) { ConfusionStream(name: $0, higherIsBetter: higher, perRow: perRow, value: f) }
  }

  /// Single-label metrics over one-hot targets: not fields of the multilabel report.
  /// `top_<k>_accuracy` (`top_5_accuracy`) is top-k accuracy for any k; `top_k_accuracy` is k = 2,
  /// scikit-learn's default.
  static let singleLabelSpecs: [(String, Spec)] = [
    ("accuracy", Spec(higherIsBetter: true) { ClassStream(name: $0, k: nil) }),
    ("top_k_accuracy", Spec(higherIsBetter: true) { ClassStream(name: $0, k: 2) }),
  ]

  /// The k of a `top_<k>_accuracy` name.
  static func topK(_ name: String) -> Int? {
    guard name.hasPrefix("top_"), name.hasSuffix("_accuracy") else { return nil }
    let middle = name.dropFirst(4).dropLast(9)
    guard let k = Int(middle), k >= 1, String(k) == middle else { return nil }
    return k
  }

  /// The spec of a name, built-in, single-label, `top_<k>_accuracy` or added to `catalog`.
  static func spec(_ name: String, in catalog: Catalog? = nil) -> Spec? {
    if let s = (specs + singleLabelSpecs).first(where: { $0.0 == name })?.1 { return s }
    if let k = topK(name) { return Spec(higherIsBetter: true) { ClassStream(name: $0, k: k) } }
    return catalog?.registry(of: Spec.self).item(name)
  }

  /// Adds to `catalog` (or, for a name added earlier, replaces) an extra metric; a built-in
  /// name cannot be replaced.
  public static func register(_ name: String, higherIsBetter: Bool, in catalog: Catalog,
                              make: @escaping @Sendable (String) -> StreamingMetric) throws {
    if (specs + singleLabelSpecs).contains(where: { $0.0 == name }) || topK(name) != nil { throw CatalogError("metric '\(name)' is already defined") }
    catalog.registry(of: Spec.self).add(name, Spec(higherIsBetter: higherIsBetter, make: make))
  }

  /// The built-in metrics (every one is also a field of a metrics report).
  public static var names: [String] { specs.map(\.0) }
  /// The single-label metrics (one-hot targets): `accuracy`, `top_k_accuracy`, and `top_<k>_accuracy` for any k.
  public static var singleLabelNames: [String] { singleLabelSpecs.map(\.0) }
  /// The metrics added to `catalog` at run time.
  public static func extraNames(in catalog: Catalog?) -> [String] { catalog?.registry(of: Spec.self).names ?? [] }

  /// Whether larger is better for the metric `name` (nil for an unknown name).
  public static func higherIsBetter(_ name: String, in catalog: Catalog? = nil) -> Bool? { spec(name, in: catalog)?.higherIsBetter }

  /// A maker of fresh streams of the metric `name`, built in or added to `catalog`; throws,
  /// with a "did you mean" suggestion, for unknown names.
  public static func maker(_ name: String, in catalog: Catalog? = nil) throws -> () -> StreamingMetric {
    guard let found = spec(name, in: catalog) else {
      let known = names + singleLabelNames + extraNames(in: catalog)
      let hint = Suggest.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
      throw TensorError("unknown metric '\(name)'\(hint); metrics are: \(known.joined(separator: ", "))")
    }
    return { found.make(name) }
  }

  /// A stream of the metric `name`, built in or added to `catalog`.
  public static func make(_ name: String, in catalog: Catalog? = nil) throws -> StreamingMetric {
    try maker(name, in: catalog)()
  }


}
