import Catalog
import Foundation
import Testing
import Tensors
@testable import CrescentMetrics

/// auc, macro curves and the single-label metrics against scikit-learn 1.9.1 and NumPy
/// (tests/python/make_single_label.py wrote the values).
struct SingleLabelTests {
  // Read once and never changed; `Any` (the JSON tree) is what keeps it from being Sendable.
  nonisolated(unsafe) static let fixture: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sklearn-single-label.json")
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }()

  static func cases(_ key: String) -> [[String: Any]] { fixture[key] as! [[String: Any]] }
  static func doubles(_ v: Any?) -> [Double] { (v as! [Any]).map { ($0 as! NSNumber).doubleValue } }
  static func matrix(_ v: Any?) -> [[Double]] { (v as! [Any]).map { doubles($0) } }
  static func list(_ ds: [Double]) -> Value { .list(ds.map { .number($0) }) }
  static func rows(_ r: [[Double]]) -> Value { .list(r.map { list($0) }) }
  static func options(_ pairs: (String, Value)...) -> Value { .table(pairs.map { (key: $0.0, value: $0.1) }) }

  func call(_ name: String, _ args: Value...) throws -> [Value] {
    try MetricsCatalogTests.catalog.entry("metrics.\(name)")!.call(args, in: Session(catalog: MetricsCatalogTests.catalog))
  }
  func message(_ name: String, _ args: Value...) -> String {
    do { _ = try MetricsCatalogTests.catalog.entry("metrics.\(name)")!.call(args, in: Session(catalog: MetricsCatalogTests.catalog)); return "no error" } catch { return "\(error)" }
  }
  func number(_ v: Value) -> Double {
    if case .number(let d) = v { return d }
    Issue.record("not a number: \(v.summary)"); return .nan
  }
  func numbers(_ v: Value?) -> [Double] {
    guard case .list(let items)? = v else { Issue.record("not a list"); return [] }
    return items.map(number)
  }
  func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
    #expect(a.count == b.count, "\(what): \(a.count) values, expected \(b.count)")
    for (k, (x, y)) in zip(a, b).enumerated() { #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(what)[\(k + 1)]: \(x) vs \(y)") }
  }

  @Test func aucIsScikitLearns() throws {
    for c in Self.cases("auc") {
      let x = Self.doubles(c["x"]), y = Self.doubles(c["y"])
      let area = number(try call("auc", Self.list(x), Self.list(y))[0])
      expectClose([area], [(c["auc"] as! NSNumber).doubleValue], "auc \(c["name"]!)")
      let fromTensors = number(try call("auc", .tensor(Tensor(shape: [x.count], scalars: x.map(Float.init))), Self.list(y))[0])
      #expect(abs(fromTensors - area) < 1e-5)
    }
    #expect(message("auc", Self.list([0, 2, 1]), Self.list([1, 1, 1])) == "metrics.auc: 'x' is neither increasing nor decreasing: it must be monotonic")
    #expect(message("auc", Self.list([0]), Self.list([1])) == "metrics.auc: at least 2 points are needed to compute an area, got 1")
    #expect(message("auc", Self.list([0, 1]), Self.list([1])) == "metrics.auc: 'x' has 2 points but 'y' has 1; they must have the same length")
  }

  @Test func macroCurvesAverageTheLabelsOnACommonGrid() throws {
    for c in Self.cases("macro_curves") {
      let name = c["name"] as! String
      let y = Self.rows(Self.matrix(c["y"])), s = Self.rows(Self.matrix(c["s"]))
      guard case .table(let roc) = try call("roc_curve", y, s, Self.options(("average", .string("macro"))))[0],
            case .table(let pr) = try call("precision_recall_curve", y, s, Self.options(("average", .string("macro"))))[0] else {
        Issue.record("curves are tables"); return
      }
      func field(_ t: [(key: String, value: Value)], _ k: String) -> [Double] { numbers(t.first { $0.key == k }?.value) }
      expectClose(field(roc, "fpr"), Self.doubles(c["fpr"]), "\(name) fpr")
      expectClose(field(roc, "tpr"), Self.doubles(c["tpr"]), "\(name) tpr")
      #expect(roc.first { $0.key == "thresholds" } == nil)
      let area = number(try call("auc", .list(roc[0].value.listItems), .list(roc[1].value.listItems))[0])
      expectClose([area], [(c["roc_auc_of_macro"] as! NSNumber).doubleValue], "\(name) auc of the macro ROC")
      expectClose(field(pr, "recall"), Self.doubles(c["recall"]), "\(name) recall")
      expectClose(field(pr, "precision"), Self.doubles(c["precision"]), "\(name) precision")
    }
    let y = Self.rows([[1, 0], [1, 0]]), s = Self.rows([[0.2, 0.1], [0.4, 0.3]])
    #expect(message("roc_curve", y, s, Self.options(("average", .string("macro")))) == "metrics.roc_curve: label 1 has no negatives: its ROC curve, so the macro curve, is undefined")
    #expect(message("roc_curve", y, s, Self.options(("average", .string("macro")), ("label", .integer(1)))) == "metrics.roc_curve: give option 'label' or an average, not both")
  }

  @Test func accuracyTopKAndConfusionMatrixAreScikitLearns() throws {
    for c in Self.cases("single_label") {
      let name = c["name"] as! String
      let classes = (c["y"] as! [NSNumber]).map(\.intValue)
      let scores = Self.matrix(c["s"])
      let C = scores[0].count
      let y = Self.list(classes.map(Double.init))
      let oneHot = Self.rows(classes.map { k in (1...C).map { $0 == k ? 1.0 : 0 } })
      let s = Self.rows(scores)
      let expected = (c["accuracy"] as! NSNumber).doubleValue
      expectClose([number(try call("accuracy", y, s)[0])], [expected], "\(name) accuracy")
      expectClose([number(try call("accuracy", oneHot, s)[0])], [expected], "\(name) accuracy, one-hot")
      let predicted = try call("confusion_matrix", y, s)
      let argmax = Self.list(scores.map { r in Double(r.firstIndex(of: r.max()!)! + 1) })
      expectClose([number(try call("accuracy", y, argmax)[0])], [expected], "\(name) accuracy of indices")
      for (k, v) in c["top_k"] as! [String: NSNumber] {
        let got = number(try call("top_k_accuracy", y, s, Self.options(("k", .integer(Int(k)!))))[0])
        expectClose([got], [v.doubleValue], "\(name) top_\(k)")
      }
      #expect(number(try call("top_k_accuracy", y, s)[0]) == number(try call("top_k_accuracy", y, s, Self.options(("k", .integer(2))))[0]))
      func matrix(_ v: Value) -> [[Double]] {
        guard case .list(let rs) = v else { return [] }
        return rs.map { r in r.listItems.map { if case .integer(let i) = $0 { return Double(i) }; return number($0) } }
      }
      #expect(matrix(predicted[0]) == Self.matrix(c["confusion_matrix"]), "\(name) confusion matrix")
      #expect(predicted[1].listItems.count == C)
      let reordered = try call("confusion_matrix", y, s, Self.options(("labels", .list([.integer(C), .integer(1)]))))
      #expect(matrix(reordered[0]) == Self.matrix(c["confusion_matrix_labels"]), "\(name) confusion matrix, labels {C, 1}")
      for (how, m) in c["normalized"] as! [String: Any] {
        let got = matrix(try call("confusion_matrix", y, s, Self.options(("normalize", .string(how))))[0])
        expectClose(got.flatMap { $0 }, Self.matrix(m).flatMap { $0 }, "\(name) normalize \(how)")
      }
    }
    for c in Self.cases("binary") {
      let y = Self.list((c["y"] as! [NSNumber]).map(\.doubleValue)), s = Self.list(Self.doubles(c["s"]))
      for (k, v) in c["top_k"] as! [String: NSNumber] {
        let got = number(try call("top_k_accuracy", y, .tensor(Tensor(shape: [30, 1], scalars: Self.doubles(c["s"]).map(Float.init))), Self.options(("k", .integer(Int(k)!))))[0])
        expectClose([got], [v.doubleValue], "binary \(c["name"]!) top_\(k)")
        _ = s
      }
    }
  }

  @Test func singleLabelInputsAreChecked() {
    let y = Self.list([1, 2, 3])
    #expect(message("accuracy", Self.list([1, 0, 2]), y) == "metrics.accuracy: argument 'y': row 2 holds 0, not a class index (an integer counted from 1)")
    #expect(message("accuracy", Self.rows([[1, 0], [1, 1]]), Self.list([1, 2])) == "metrics.accuracy: argument 'y': row 2 is not one-hot (two 1s): single-label metrics take one class per row; for multilabel rows use binary_accuracy (per cell) or subset_accuracy (per row)")
    #expect(message("accuracy", y, Self.list([1, 2])) == "metrics.accuracy: 'y' has 3 rows but 'p' has 2; they must have the same number")
    #expect(message("top_k_accuracy", Self.list([1, 4]), Self.rows([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])) == "metrics.top_k_accuracy: row 2 of 'y' is class 4, but 's' has scores for 3 classes")
    #expect(message("confusion_matrix", y, y, Self.options(("labels", .list([.integer(5)])))) == "metrics.confusion_matrix: none of 'labels' is a class of 'y'")
  }

  /// Streams the rows in uneven batches and returns the metric.
  static func streamed(_ name: String, truth: [Float], scores: [Float], labels: Int, batches: [Int]) throws -> Double {
    let m = try TrainingMetrics.make(name)
    for _ in 0..<2 {
      m.reset()
      var start = 0
      for b in batches {
        truth.withUnsafeBufferPointer { t in
          scores.withUnsafeBufferPointer { s in
            m.update(truth: t.baseAddress! + start * labels, scores: s.baseAddress! + start * labels, rows: b, labels: labels)
          }
        }
        start += b
      }
    }
    return try m.result()
  }

  @Test func trainingAccuracyIsExactOverTheEpoch() throws {
    for c in Self.cases("single_label") {
      let classes = (c["y"] as! [NSNumber]).map(\.intValue)
      let scores = Self.matrix(c["s"])
      let C = scores[0].count, n = classes.count
      let truth = classes.flatMap { k in (1...C).map { $0 == k ? Float(1) : 0 } }
      let s = scores.flatMap { $0.map(Float.init) }
      let batches = [7, 0, n - 7 - 10, 10]
      let accuracy = try Self.streamed("accuracy", truth: truth, scores: s, labels: C, batches: batches)
      // JSON numbers are read to within an ulp.
      expectClose([accuracy], [(c["accuracy"] as! NSNumber).doubleValue], "\(c["name"]!) accuracy")
      let topK = c["top_k"] as! [String: NSNumber]
      for (name, k) in [("top_k_accuracy", "2"), ("top_3_accuracy", "3"), ("top_1_accuracy", "1")] {
        let got = try Self.streamed(name, truth: truth, scores: s, labels: C, batches: batches)
        expectClose([got], [topK[k]!.doubleValue], "\(c["name"]!) \(name)")
      }
    }
    #expect(TrainingMetrics.higherIsBetter("top_5_accuracy") == true)
    #expect(TrainingMetrics.higherIsBetter("accuracy") == true)
    #expect(!TrainingMetrics.names.contains("accuracy"))  // not a field of the multilabel report
  }

  @Test func trainingAccuracyRefusesMultilabelTargets() throws {
    let multilabel: [Float] = [1, 0, 1, 0, 1, 0]
    let s: [Float] = [0.9, 0.2, 0.7, 0.1, 0.8, 0.3]
    #expect(throws: TensorError("accuracy: a row of the targets has 2 positive labels; \"accuracy\" is single-label accuracy (one-hot targets, one class per row): for multilabel targets use \"binary_accuracy\" (per cell) or \"subset_accuracy\" (per row)")) {
      try Self.streamed("accuracy", truth: multilabel, scores: s, labels: 3, batches: [2])
    }
    #expect(throws: TensorError("accuracy: the targets have one column, but \"accuracy\" compares classes (one-hot targets and one score per class, as a softmax gives); for a single sigmoid output use \"binary_accuracy\"")) {
      try Self.streamed("accuracy", truth: [1, 0], scores: [0.9, 0.2], labels: 1, batches: [2])
    }
  }
}

extension Value {
  var listItems: [Value] { if case .list(let items) = self { return items }; return [] }
}
