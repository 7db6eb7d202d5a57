import Foundation
import GRDB
import Testing
@testable import RunStore

@Suite struct RecordingTests {
  @Test func nanInfinitiesAndSignedZeroComeBackBitForBit() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test())
    let values: [Double] = [.nan, .infinity, -.infinity, -0.0, 0.0, 1.5, -Double.leastNormalMagnitude / 4, .greatestFiniteMagnitude,
                            Double(bitPattern: 0x7ff8_0000_0000_1234)]  // a NaN with a payload
    for (i, v) in values.enumerated() { r.log("x", v, step: i * 10) }
    try r.finish(.completed)
    let back = try store.series(run: r.runID, key: "x")
    #expect(back.map(\.step) == values.indices.map { $0 * 10 })
    #expect(back.map(\.value.bitPattern) == values.map(\.bitPattern))
    // SQLite's REAL alone would have turned NaN into NULL and -0.0 into 0.0: the series' last
    // value column keeps the bits beside it.
    let last = try DatabaseQueue(path: dir.path("crescent.db")).read { db in
      try Row.fetchOne(db, sql: "SELECT last_value, last_bits, min_value, max_value FROM series")!
    }
    #expect(last["last_value"] as Double? == nil && last["last_bits"] as Int64? != nil)
    #expect(last["min_value"] as Double? == -.infinity && last["max_value"] as Double? == .infinity)
    // The last value of the series (for `crescent runs`) keeps its bits too.
    #expect(try store.runs()[0].lastValue("x")?.bitPattern == values.last!.bitPattern)
  }

  @Test func pointsAreWrittenInBatchesNotOneByOne() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let store = try RunStore(path: path)
    let r = try RunRecording(store: store, start: .test())
    r.batchSize = 100
    r.flushInterval = 3600
    var writes = 0
    store.writeFault = { writes += 1 }
    for i in 0..<250 { r.log("loss", Double(i), step: i) }
    #expect(writes == 2)
    // Another connection sees the two batches, not the points still buffered.
    let reader = try RunStore(path: path)
    #expect(try reader.series(run: r.runID, key: "loss").count == 200)
    // history() writes the buffer first, so a script reads back every point it logged.
    #expect(try r.history("loss").count == 250)
    #expect(try reader.series(run: r.runID, key: "loss").map(\.value) == (0..<250).map(Double.init))
  }

  @Test func aBufferOlderThanTheFlushIntervalIsWrittenAtTheNextPoint() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test())
    r.flushInterval = 0.05
    r.log("a", 1, step: 1)
    Thread.sleep(forTimeInterval: 0.1)
    r.log("a", 2, step: 2)
    #expect(try store.series(run: r.runID, key: "a").count == 2)
  }

  @Test func aRunningRunWithAStaleHeartbeatReadsAsDead() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let killed = try RunRecording(store: store, start: .test("killed"))
    let done = try RunRecording(store: store, start: .test("done"))
    try done.finish(.completed)
    Thread.sleep(forTimeInterval: 0.2)
    let fresh = try store.runs(staleAfter: 30)
    #expect(fresh.first { $0.id == killed.runID }?.status == .running)
    let stale = try store.runs(staleAfter: 0.1)
    #expect(stale.first { $0.id == killed.runID }?.status == .dead)
    #expect(stale.first { $0.id == done.runID }?.status == .completed)
    #expect(try store.run(id: killed.runID, staleAfter: 0.1)?.status == .dead)
  }

  @Test func theHeartbeatKeepsARunAlive() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test())
    r.startHeartbeat(interval: 0.05)
    r.log("a", 1, step: 1)
    Thread.sleep(forTimeInterval: 0.5)
    // Beats every 0.05 s: never staler than 0.3 s; and the beat wrote the buffered point.
    #expect(try store.runs(staleAfter: 0.3)[0].status == .running)
    #expect(try store.series(run: r.runID, key: "a").count == 1)
    try r.finish(.interrupted, error: "interrupted")
    #expect(try store.runs()[0].status == .interrupted)
  }

  @Test func artifactsAreRecordedWithSizeAndHash() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test())
    try r.recordArtifact(name: "a.txt", path: "/x/a.txt", contents: Data("abc".utf8))
    let a = try store.artifacts(run: r.runID)
    #expect(a.count == 1 && a[0].size == 3)
    // FIPS 180-2's first example: SHA-256("abc").
    #expect(a[0].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    // 56 bytes: the padding takes a second block.
    #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func removingARunRemovesItsSeriesPointsAndArtifacts() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let keep = try RunRecording(store: store, start: .test("keep"))
    let gone = try RunRecording(store: store, start: .test("gone"))
    for r in [keep, gone] {
      r.log("loss", 1, step: 1)
      try r.recordArtifact(name: "a", path: "/a", contents: Data())
      try r.finish(.completed)
    }
    _ = try store.remove(runs: [gone.runID])
    #expect(try store.runs().map(\.id) == [keep.runID])
    let counts = try DatabaseQueue(path: dir.path("crescent.db")).read { db in
      (try Int.fetchOne(db, sql: "SELECT count(*) FROM series")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM metric")!,
       try Int.fetchOne(db, sql: "SELECT count(*) FROM artifact")!)
    }
    #expect(counts == (1, 1, 1))
  }

  @Test func aRunKeepsWhatItWasStartedWithAndHowItEnded() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let r = try RunRecording(store: store, start: .test("exp"))
    r.capture(stdout: "hello\n")
    r.capture(stderr: "warning\n")
    try r.finish(.failed, resultJSON: nil, infoJSON: #"{"note":"x"}"#, error: "t.lua:3: boom", traceback: "stack traceback:\n\tt.lua:3: in main chunk")
    let back = try #require(try store.run(id: r.runID))
    #expect(back.experiment == "exp" && back.status == .failed && back.seed == 7)
    #expect(back.source == "print(1)" && back.sha256 == SHA256.hex(Data("print(1)".utf8)))
    #expect(back.stdout == "hello\n" && back.stderr == "warning\n")
    #expect(back.error == "t.lua:3: boom" && back.traceback?.contains("in main chunk") == true)
    #expect(back.infoJSON == #"{"note":"x"}"#)
    #expect(back.stopped != nil)
  }
}
