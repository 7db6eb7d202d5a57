import Catalog
import Foundation
import GRDB
import Testing
@testable import RunStore

@Suite struct CurveRecordingTests {
  @Test func curvesAreRecordedAsJSONAndALaterOneOfTheSameNameReplacesItInPlace() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test())
    try r.recordCurve("roc", .table([("fpr", .list([.number(0), .number(1)])), ("tpr", .list([.number(0), .number(.nan)]))]))
    try r.recordCurve("pr", .table([("precision", .list([.number(1)])), ("recall", .list([.number(0)]))]))
    try r.recordCurve("roc", .table([("fpr", .list([.number(0.5)])), ("tpr", .list([.number(0.25)]))]))
    try r.finish(.completed)
    let back = try RunStore(path: dir.path("crescent.db")).curves(run: r.runID)
    #expect(back.map(\.name) == ["roc", "pr"])
    #expect(back.map(\.json) == [#"{"fpr":[0.5],"tpr":[0.25]}"#, #"{"precision":[1.0],"recall":[0.0]}"#])
    // Removing the run removes its curves.
    _ = try store.remove(runs: [r.runID])
    #expect(try store.curves(run: r.runID).isEmpty)
  }

  @Test func aStoreOfTheFirstSchemaGainsTheCurveTableAndKeepsItsRuns() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    // The first schema, as an earlier Crescent wrote it, with one run in it.
    let q = try DatabaseQueue(path: path)
    try RunStore.migrator.migrate(q, upTo: "v1")
    try q.write { db in
      try db.execute(sql: "INSERT INTO run (id, experiment, status, started, heartbeat) VALUES ('old', 'e', 'COMPLETED', 1, 1)")
    }
    try q.close()
    #expect(StoreFile.inspect(path) == .store(version: 1))
    let store = try RunStore(path: path)
    #expect(try store.runs().map(\.id) == ["old"])
    #expect(try store.curves(run: "old").isEmpty)
    #expect(StoreFile.inspect(path) == .store(version: RunStore.schemaVersion))
  }
}
