import Catalog
import Testing
import Tensors
@testable import CrescentMetrics

/// The Lua-facing entries: documented, and failing with clear messages.
struct MetricsCatalogTests {
  // Built once, then only read: the tests call its entries, each in a session of its own.
  nonisolated(unsafe) static let catalog: Catalog = {
    let c = Catalog()
    c.registerType(Report.self, summary: "A metrics report.")
    try! c.register(module: "metrics", summary: MetricsLibrary.summary, entries: MetricsLibrary.entries)
    return c
  }()

  func call(_ name: String, _ args: Value...) throws -> [Value] {
    try MetricsCatalogTests.catalog.entry("metrics.\(name)")!.call(args, in: Session(catalog: MetricsCatalogTests.catalog))
  }

  func message(_ name: String, _ args: Value...) -> String? {
    do { _ = try MetricsCatalogTests.catalog.entry("metrics.\(name)")!.call(args, in: Session(catalog: MetricsCatalogTests.catalog)); return nil } catch {
      return "\(error)"
    }
  }

  static func rows(_ r: [[Double]]) -> Value { .list(r.map { .list($0.map { .number($0) }) }) }

  @Test func everyEntryIsDocumented() {
    let module = MetricsLibrary.entries
    #expect(module.count >= 20)
    for e in module {
      #expect(!e.summary.isEmpty, "\(e.qualifiedName) has no summary")
      for p in e.parameters + e.options { #expect(!p.doc.isEmpty, "\(e.qualifiedName): '\(p.name)' has no doc") }
      for r in e.returns { #expect(!r.doc.isEmpty, "\(e.qualifiedName): a result has no doc") }
      #expect(!e.returns.isEmpty, "\(e.qualifiedName) declares no result")
    }
    for p in Report.properties { #expect(!p.doc.isEmpty, "Report.\(p.name) has no doc") }
    // Every training metric is a field of the report.
    let fields = Set(Report.properties.map(\.name))
    for name in TrainingMetrics.names { #expect(fields.contains(name), "Report has no field \(name)") }
  }

  @Test func tablesAndTensorsGiveTheSameValues() throws {
    let y = [[1.0, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]]
    let s = [[0.9, 0.2, 0.6], [0.3, 0.8, 0.6], [0.5, 0.4, 0.1], [0.2, 0.1, 0.7]]
    let ty = Tensor(shape: [4, 3], scalars: y.flatMap { $0 }.map(Float.init))
    let ts = Tensor(shape: [4, 3], scalars: s.flatMap { $0 }.map(Float.init))
    let fromTables = try call("f1", Self.rows(y), Self.rows(s), .table([("average", .string("micro"))]))
    let fromTensors = try call("f1", .tensor(ty), .tensor(ts), .table([("average", .string("micro"))]))
    guard case .number(let a) = fromTables[0], case .number(let b) = fromTensors[0] else { Issue.record("not numbers"); return }
    #expect(a == b)
    #expect(abs(a - 10.0 / 12.0) < 1e-12)  // tp 5, fp 1, fn 1
    guard case .list(let per) = try call("roc_auc", Self.rows(y), Self.rows(s), .table([("average", .string("none"))]))[0] else {
      Issue.record("average none gives a list"); return
    }
    #expect(per.count == 3)
  }

  @Test func errorsNameTheFunctionAndArgument() {
    let y = Self.rows([[1, 0], [0, 1]]), s = Self.rows([[0.2, 0.8], [0.4, 0.6]])
    #expect(message("roc_auc", y, Self.rows([[0.1, 0.2, 0.3]])) == "metrics.roc_auc: 'y' is 2x2 but 's' is 1x3; they must have the same shape (rows x labels)")
    #expect(message("f1", Self.rows([[1, 2], [0, 1]]), s) == "metrics.f1: argument 'y' must hold only 0 and 1, got 2.0 at row 1, label 2")
    #expect(message("average_precision", y, Self.rows([[0.1, .nan], [0.3, 0.4]])) == "metrics.average_precision: argument 's' holds NaN at row 1, label 2")
    #expect(message("f1", y, s, .table([("average", .string("mikro"))]))?.contains("(did you mean \"micro\"?)") == true)
    #expect(message("roc_curve", y, s, .table([("label", .integer(3))])) == "metrics.roc_curve: label 3 is out of range: the data has 2 labels (counted from 1)")
    #expect(message("roc_curve", y, s) == "metrics.roc_curve: give option 'label' (1 to 2) or average = \"micro\" or \"macro\"")
    #expect(message("f1", y, s, .table([("threshold", .list([.number(0.5)]))])) == "metrics.f1: 'threshold' has 1 thresholds for 2 labels")
    #expect(message("roc_auc", Self.rows([[1, 0], [0]]), s) == "metrics.roc_auc: argument 'y': row 2 has 1 values, row 1 has 2")
  }

  @Test func thresholdsAreTunedAndApplied() throws {
    let y = Self.rows([[1, 0], [1, 0], [0, 1], [0, 0]])
    let s = Self.rows([[0.9, 0.2], [0.35, 0.1], [0.3, 0.7], [0.1, 0.6]])
    guard case .list(let t) = try call("best_thresholds", y, s)[0] else { Issue.record("not a list"); return }
    // Label 1: predicting rows 1-2 (scores >= 0.35) is perfect; midpoint to 0.3 is 0.325.
    // Label 2: predicting only 0.7 is perfect; midpoint to 0.6 is 0.65.
    #expect(t.count == 2)
    if case .number(let a) = t[0], case .number(let b) = t[1] {
      #expect(abs(a - 0.325) < 1e-12 && abs(b - 0.65) < 1e-12)
    }
    guard case .tensor(let p) = try call("apply_thresholds", s, .list(t))[0] else { Issue.record("not a tensor"); return }
    #expect(p.scalars == [1, 0, 1, 0, 0, 1, 0, 0])
  }
}
