import Foundation
import Testing
import TestSupport
@testable import CrescentMetrics

/// Every value of scikit-learn 1.9.1's reference file, within 1e-9 relative.
struct ReferenceTests {
  struct Case {
    let name: String
    let truth: Truths
    let scores: Scores
    let predictions: Truths
    let values: [String: Any]
    let curves: [[String: Any]]
  }

  // Read once and never changed; `Any` (the JSON tree) is what keeps it from being Sendable.
  nonisolated(unsafe) static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sklearn-metrics.json")
    let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    return (root["cases"] as! [[String: Any]]).map { c in
      func matrix(_ key: String) -> Scores {
        let rows = (c[key] as! [[Any]]).map { $0.map(number) }
        return Scores(rows: rows.count, labels: rows[0].count, values: rows.flatMap { $0 })
      }
      let truth = try! Truths(checking: matrix("y_true"), name: "y_true")
      return Case(name: c["name"] as! String, truth: truth, scores: matrix("y_score"),
                  predictions: try! Truths(checking: matrix("y_pred"), name: "y_pred"),
                  values: c["values"] as! [String: Any], curves: c["curves"] as! [[String: Any]])
    }
  }()

  static func number(_ v: Any) -> Double {
    if let s = v as? String { return s == "nan" ? .nan : s == "inf" ? .infinity : s == "-inf" ? -.infinity : Double(s)! }
    return (v as! NSNumber).doubleValue
  }

  static func close(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= 1e-9 * max(1, abs(b))
  }

  func expectClose(_ actual: Double, _ expected: Any?, _ what: String, _ c: Case) {
    guard let expected else { Issue.record("\(c.name): no reference for \(what)"); return }
    let e = ReferenceTests.number(expected)
    #expect(ReferenceTests.close(actual, e), "\(c.name) \(what): \(actual) vs scikit-learn \(e)")
  }

  func expectClose(_ actual: [Double], _ expected: Any?, _ what: String, _ c: Case) {
    let e = (expected as! [Any]).map(ReferenceTests.number)
    #expect(actual.count == e.count, "\(c.name) \(what): \(actual.count) values vs \(e.count)")
    for (k, (a, b)) in zip(actual, e).enumerated() {
      #expect(ReferenceTests.close(a, b), "\(c.name) \(what)[\(k)]: \(a) vs scikit-learn \(b)")
    }
  }

  @Test(arguments: ReferenceTests.cases.map(\.name))
  func everyValue(_ name: String) throws {
    let c = ReferenceTests.cases.first { $0.name == name }!
    let predicted = c.scores.thresholded(Array(repeating: 0.5, count: c.truth.labels))
    #expect(predicted.values == c.predictions.values)
    for a in [Average.micro, .macro, .weighted, .samples] {
      expectClose(try RocAuc.compute(c.truth, c.scores, average: a).scalar!, c.values["roc_auc/\(a)"], "roc_auc/\(a)", c)
      expectClose(try AveragePrecision.compute(c.truth, c.scores, average: a).scalar!, c.values["average_precision/\(a)"], "average_precision/\(a)", c)
      for m in ThresholdMetric.allCases {
        expectClose(try m.compute(c.truth, predicted, average: a).scalar!, c.values["\(m.rawValue)/\(a)"], "\(m.rawValue)/\(a)", c)
      }
    }
    guard case .perLabel(let auc) = try RocAuc.compute(c.truth, c.scores, average: .none),
          case .perLabel(let f1) = try ThresholdMetric.f1.compute(c.truth, predicted, average: .none) else {
      Issue.record("average none gives one value per label"); return
    }
    expectClose(auc, c.values["roc_auc/per_label"], "roc_auc/per_label", c)
    expectClose(f1, c.values["f1/per_label"], "f1/per_label", c)
    let counts = ConfusionCounts(c.truth, predicted)
    expectClose(counts.hammingLoss, c.values["hamming_loss"], "hamming_loss", c)
    expectClose(counts.subsetAccuracy, c.values["subset_accuracy"], "subset_accuracy", c)
    #expect(counts.matrices == (c.values["multilabel_confusion_matrix"] as! [[[Int]]]))
    for r in [RankingMetric.labelRankingAveragePrecision, .coverageError, .labelRankingLoss] {
      expectClose(try r.compute(c.truth, c.scores), c.values[r.rawValue], r.rawValue, c)
    }
    expectClose(try BinaryCrossentropy.compute(c.truth, c.scores), c.values["binary_crossentropy"], "binary_crossentropy", c)

    // The report agrees with the single metrics.
    let report = try MetricsReport(c.truth, c.scores, thresholds: Array(repeating: 0.5, count: c.truth.labels))
    for (key, value) in c.values {
      guard !key.contains("per_label"), !(value is [Any]) else { continue }
      let name = key.replacingOccurrences(of: "/", with: "_")
      expectClose(report[name]!, value, "report \(name)", c)
    }
  }

  @Test(arguments: ReferenceTests.cases.map(\.name))
  func curvesPointForPoint(_ name: String) throws {
    let c = ReferenceTests.cases.first { $0.name == name }!
    #expect(!c.curves.isEmpty)
    for curve in c.curves {
      let j = curve["label"] as! Int
      let roc = try Curves.roc(c.truth, c.scores, .label(j))
      let r = curve["roc"] as! [String: Any]
      expectClose(roc.fpr, r["fpr"], "roc fpr label \(j)", c)
      expectClose(roc.tpr, r["tpr"], "roc tpr label \(j)", c)
      expectClose(roc.thresholds, r["thresholds"], "roc thresholds label \(j)", c)
      let pr = try Curves.precisionRecall(c.truth, c.scores, .label(j))
      let p = curve["pr"] as! [String: Any]
      expectClose(pr.precision, p["precision"], "pr precision label \(j)", c)
      expectClose(pr.recall, p["recall"], "pr recall label \(j)", c)
      expectClose(pr.thresholds, p["thresholds"], "pr thresholds label \(j)", c)
    }
  }

  /// Every training metric scikit-learn has a value for, streamed over batches: the same as
  /// the whole-array value and as scikit-learn's (the scores as the float32 a model gives).
  @Test(arguments: ReferenceTests.cases.map(\.name))
  func trainingMetricsStreamToScikitLearn(_ name: String) throws {
    let c = ReferenceTests.cases.first { $0.name == name }!
    var expected: [String: Double] = [:]
    for metric in TrainingMetrics.names {
      var key = metric
      if let average = Average.allCases.first(where: { metric.hasSuffix("_\($0.rawValue)") }) {
        key = String(metric.dropLast(average.rawValue.count + 1)) + "/\(average.rawValue)"
      }
      if let v = c.values[key], !(v is [Any]), !(v is [String: Any]) { expected[metric] = ReferenceTests.number(v) }
    }
    #expect(expected.count >= 20, "\(c.name): only \(expected.count) metrics have a reference")
    let truths = c.truth.values.map(Float.init), scores = c.scores.values.map(Float.init)
    let metrics = try expected.keys.sorted().map { try TrainingMetrics.make($0) }
    try checkMetric(metrics, truths: truths, scores: scores, rows: c.truth.rows, labels: c.truth.labels, batches: [7, 1, 30],
                    expected: expected, tolerance: 1e-5, context: "\(c.name) ")
  }
}
