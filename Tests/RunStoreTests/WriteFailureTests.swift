import Foundation
import GRDB
import Testing
@testable import RunStore

@Suite struct WriteFailureTests {
  /// A store with one complete run recorded, to check that later failures leave it whole.
  func storeWithEarlierRun(_ dir: TempFolder) throws -> (RunStore, String) {
    let store = try RunStore(path: dir.path("crescent.db"))
    let earlier = try RunRecording(store: store, start: .test("earlier"))
    for i in 0..<1000 { earlier.log("loss", Double(i) / 7, step: i) }
    try earlier.finish(.completed, resultJSON: #"{"acc":0.9}"#)
    return (store, earlier.runID)
  }

  func expectEarlierRunIntact(_ dir: TempFolder, _ id: String) throws {
    let reopened = try RunStore(path: dir.path("crescent.db"))
    let run = try #require(try reopened.run(id: id))
    #expect(run.status == .completed && run.resultJSON == #"{"acc":0.9}"#)
    #expect(try reopened.series(run: id, key: "loss").map(\.value) == (0..<1000).map { Double($0) / 7 })
    let check = try DatabaseQueue(path: dir.path("crescent.db")).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    #expect(check == "ok")
  }

  @Test func aFullDiskFailsTheRunWithAClearErrorAndKeepsEarlierRuns() throws {
    let dir = TempFolder()
    let (store, earlier) = try storeWithEarlierRun(dir)
    let r = try RunRecording(store: store, start: .test("later"))
    r.batchSize = 10
    store.writeFault = { throw DatabaseError(resultCode: .SQLITE_FULL) }
    for i in 0..<25 { r.log("loss", Double(i), step: i) }
    let failure = try #require(r.failure)
    #expect("\(failure)" == "cannot write metrics to the run store '\(dir.path("crescent.db"))': the disk is full")
    // The run's end cannot be written either: finish says so.
    #expect(throws: StoreError.self) { try r.finish(.completed) }
    store.writeFault = nil
    try expectEarlierRunIntact(dir, earlier)
  }

  @Test func aWriteFailureAtTheEndStillReportsTheFirstFailure() throws {
    let dir = TempFolder()
    let (store, earlier) = try storeWithEarlierRun(dir)
    let r = try RunRecording(store: store, start: .test("later"))
    store.writeFault = { throw DatabaseError(resultCode: .SQLITE_READONLY) }
    r.log("loss", 1, step: 1)
    #expect {
      try r.finish(.completed)
    } throws: { "\($0)".contains("the file is read-only") }
    store.writeFault = nil
    try expectEarlierRunIntact(dir, earlier)
    // The failed run's row says it is still RUNNING (nothing after the failure was written); its
    // heartbeat stops, so it reads as DEAD.
    #expect(try store.run(id: r.runID, staleAfter: 0)?.status == .dead)
  }

  @Test func aReadOnlyStoreFileRefusesTheRunBeforeItStarts() throws {
    let dir = TempFolder()
    let (store, earlier) = try storeWithEarlierRun(dir)
    _ = store
    let path = dir.path("crescent.db")
    // Root writes through file modes, so a read-only open stands in for a read-only file there.
    if geteuid() != 0 {
      try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
      #expect(throws: StoreError.self) { _ = try RunRecording(store: try RunStore(path: path), start: .test()) }
    } else {
      let ro = try RunStore(path: path)
      ro.writeFault = { throw DatabaseError(resultCode: .SQLITE_READONLY) }
      #expect {
        _ = try RunRecording(store: ro, start: .test())
      } throws: { "\($0)" == "cannot record a run in the run store '\(path)': the file is read-only" }
    }
    try expectEarlierRunIntact(dir, earlier)
  }
}
