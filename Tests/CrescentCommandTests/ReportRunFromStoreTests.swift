import Catalog
import Foundation
import Reports
import RunStore
import Testing
@testable import crescent

/// A recorded run read back as what a report shows.
@Suite struct ReportRunFromStoreTests {
  @Test func configResultSeriesAndCurvesOfARecordedRun() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-report-run-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try RunStore(path: folder.appendingPathComponent("crescent.db").path)
    let start = RunStart(experiment: "mlp", host: HostInfo(os: "test", cpu: "cpu", cores: 1, crescentVersion: "0"), seed: 7,
                         configJSON: #"{"lr":0.1,"hidden":[64,32],"opt":{"name":"adam","beta":0.9},"seed":7}"#, overridesJSON: nil,
                         script: "t.lua", source: "print(1)")
    let r = try RunRecording(store: store, start: start)
    r.log("loss", 0.5, step: 1)
    r.log("val_loss", 0.75, step: 1)
    r.log("loss", 0.25, step: 2)
    r.log("val_loss", .nan, step: 2)
    try r.recordCurve("micro", .table([("fpr", .list([.number(0), .number(0.5), .number(1)])),
                                       ("tpr", .list([.number(0), .number(0.75), .number(1)])),
                                       ("thresholds", .list([.number(.infinity), .number(0.5), .number(0.1)]))]))
    try r.recordCurve("micro_pr", .table([("precision", .list([.number(0.5), .number(1)])), ("recall", .list([.number(1), .number(0)]))]))
    try r.recordCurve("report", .table([("per_label", .list([
      .table([("name", .string("a")), ("support", .integer(3)), ("f1", .number(0.5))]),
      .table([("name", .string("b")), ("support", .integer(1)), ("f1", .number(1))]),
    ]))]))
    try r.finish(.completed, resultJSON: #"{"score":0.875,"best":{"epoch":2}}"#)

    let record = try #require(try store.run(id: r.runID))
    let run = try ReportRun(recorded: record, store: store)
    #expect(run.id == r.runID && run.experiment == "mlp" && run.seed == 7 && run.status == "COMPLETED")
    #expect(run.config == [ReportField("lr", "0.1"), ReportField("hidden.1", "64"), ReportField("hidden.2", "32"),
                           ReportField("opt.name", "adam"), ReportField("opt.beta", "0.9"), ReportField("seed", "7")])
    #expect(run.result == [ReportField("score", "0.875"), ReportField("best.epoch", "2")])
    #expect(run.series.map(\.name) == ["loss", "val_loss"])
    #expect(run.series[0].points == [ReportPoint(step: 1, value: 0.5), ReportPoint(step: 2, value: 0.25)])
    #expect(run.series[1].points.map(\.step) == [1, 2] && run.series[1].points[1].value.isNaN)
    #expect(run.curves.map(\.kind) == [.roc, .precisionRecall])
    #expect(run.curves[0].x == [0, 0.5, 1] && run.curves[0].y == [0, 0.75, 1])
    #expect(run.curves[1].x == [1, 0] && run.curves[1].y == [0.5, 1])
    let table = try #require(run.table)
    #expect(table.columns == ["support", "f1"] && table.rows.map(\.label) == ["a", "b"] && table.rows[1].values == [1, 1])
  }
}
