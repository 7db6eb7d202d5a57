import Foundation
import GRDB
import Sweeps
import Testing
@testable import RunStore

extension StudySpec {
  static func test(_ name: String = "s", space: SearchSpace = .test, sampler: String = "random", pruner: String = "none",
                   script: String = "sweep.lua", with: [String] = ["small"]) -> StudySpec {
    StudySpec(name: name, experiment: "yeast-mlp", script: script, with: with, space: space, sampler: sampler, pruner: pruner,
              seed: 0xFEED_FACE_CAFE_BEEF)
  }
}

extension SearchSpace {
  static let test = SearchSpace(parameters: [
    SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 0.1)),
    SweepParameter(key: "hidden", distribution: .choice([.integer(128), .integer(256)])),
  ], objective: "val_f1_micro", direction: .maximize)
}

/// Draws trial n's parameters from n, so a test can tell which call made a trial.
func sampleByNumber(_ trials: [TrialRecord], _ number: Int) -> [String: Double] {
  ["lr": 0.001 * Double(number + 1), "hidden": Double(number % 2)]
}

@Suite struct StudyStoreTests {
  @Test func openCreatesAStudyThenReturnsTheSameOne() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let a = try store.open(.test("first"))
    let b = try store.open(.test("second", with: []))
    #expect(a.id != b.id && a.spec == .test("first") && b.spec == .test("second", with: []))
    let again = try store.open(.test("first"))
    #expect(again == a)
    #expect(try store.study(named: "second") == b)
    #expect(try store.studies() == [a, b])
  }

  @Test func anUnknownStudyIsAnErrorListingTheStudies() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    #expect { try store.study(named: "x") } throws: { "\($0)".contains("no study 'x'") && "\($0)".contains("no studies yet") }
    _ = try store.open(.test("alpha"))
    _ = try store.open(.test("beta"))
    #expect { try store.study(named: "alhpa") } throws: { "\($0)".contains("its studies are: alpha, beta") }
  }

  /// Rerunning a sweep with another space, sampler, pruner, script or fixed settings under the
  /// same name is refused, saying what differs and how to start a new study.
  @Test func aStudyOfTheSameNameWithOtherSettingsIsRefused() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    _ = try store.open(.test())
    var wider = SearchSpace.test
    wider.parameters[0].distribution = .logUniform(low: 1e-5, high: 0.1)
    let cases: [(StudySpec, [String])] = [
      (.test(space: wider), ["search space differs", "given lr=loguniform(1e-05, 0.1)", "the study has lr=loguniform(0.0001, 0.1)"]),
      (.test(sampler: "tpe"), ["the sampler is tpe, the study's is random"]),
      (.test(pruner: "asha"), ["the pruner is asha, the study's is none"]),
      (.test(script: "other.lua"), ["the script is 'other.lua', the study's is 'sweep.lua'"]),
      (.test(with: ["large", "epochs=3"]), ["'large epochs=3', the study's are 'small'"]),
    ]
    for (spec, words) in cases {
      #expect { try store.open(spec) } throws: { error in
        let m = "\(error)"
        return m.contains("study 's' exists with other settings") && m.contains("--study NAME") && words.allSatisfy(m.contains)
      }
    }
    #expect(try store.studies().count == 1)
  }

  /// Claims make trials 0, 1, 2 with what the sampler gives, seeing every trial so far; at the
  /// target (running trials included) there is nothing more to claim.
  @Test func claimCreatesTrialsUpToTheTarget() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    var seen: [(Int, Int)] = []
    for n in 0..<3 {
      let t = try #require(try store.claim(study: s.id, worker: "w1", target: 3, staleAfter: 60) { trials, number in
        seen.append((trials.count, number))
        return sampleByNumber(trials, number)
      })
      #expect(t.number == n && t.state == .running && t.params == sampleByNumber([], n) && t.worker == "w1" && t.heartbeat != nil)
    }
    #expect(seen.map(\.0) == [0, 1, 2] && seen.map(\.1) == [0, 1, 2])
    #expect(try store.claim(study: s.id, worker: "w2", target: 3, staleAfter: 60, sample: sampleByNumber) == nil)
    // A failed trial counts as finished: still nothing to claim.
    try store.finish(study: s.id, trial: 1, state: .failed, value: nil)
    #expect(try store.claim(study: s.id, worker: "w2", target: 3, staleAfter: 60, sample: sampleByNumber) == nil)
    // A larger target makes trial 3.
    #expect(try store.claim(study: s.id, worker: "w2", target: 4, staleAfter: 60, sample: sampleByNumber)?.number == 3)
  }

  /// A sampler's error leaves no trial behind.
  @Test func aSamplerErrorCreatesNoTrial() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    #expect(throws: SweepError.self) {
      try store.claim(study: s.id, worker: "w", target: 5, staleAfter: 60) { _, _ in throw SweepError("no more") }
    }
    #expect(try store.trials(study: s.id).isEmpty)
  }

  @Test func heartbeatReportAndFinishAreWhatTrialsReadBack() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    for _ in 0..<3 { _ = try store.claim(study: s.id, worker: "host:1", target: 3, staleAfter: 60, sample: sampleByNumber) }
    let before = try store.trials(study: s.id)[0].heartbeat!
    Thread.sleep(forTimeInterval: 0.01)
    try store.heartbeat(study: s.id, trial: 0, runID: "run-a")
    try store.heartbeat(study: s.id, trial: 0, runID: nil)  // keeps the run
    for step in [1, 2, 3] { try store.report(study: s.id, trial: 0, step: step, value: Double(step) / 10) }
    try store.report(study: s.id, trial: 0, step: 2, value: 0.25)  // a step reported again replaces its value
    try store.finish(study: s.id, trial: 0, state: .complete, value: 0.75)
    try store.report(study: s.id, trial: 1, step: 1, value: 0.05)
    try store.finish(study: s.id, trial: 1, state: .pruned, value: 0.05)
    try store.finish(study: s.id, trial: 2, state: .failed, value: nil)
    let trials = try store.trials(study: s.id)
    #expect(trials.map(\.number) == [0, 1, 2])
    #expect(trials.map(\.state) == [.complete, .pruned, .failed])
    #expect(trials[0].value == 0.75 && trials[0].intermediate == [1: 0.1, 2: 0.25, 3: 0.3] && trials[0].lastStep == 3)
    #expect(trials[0].runID == "run-a" && trials[0].worker == "host:1" && trials[0].heartbeat! > before)
    #expect(trials[0].params == sampleByNumber([], 0) && trials[2].params == sampleByNumber([], 2))
    #expect(trials[1].value == 0.05 && trials[1].intermediate == [1: 0.05] && trials[1].runID == nil)
    #expect(trials[2].value == nil && trials[2].intermediate.isEmpty)
  }

  @Test func unknownTrialsAndUnfinishedEndStatesAreErrors() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test("named"))
    _ = try store.claim(study: s.id, worker: "w", target: 1, staleAfter: 60, sample: sampleByNumber)
    #expect { try store.finish(study: s.id, trial: 0, state: .running, value: nil) } throws: { "\($0)".contains("COMPLETE, PRUNED or FAILED") }
    #expect { try store.finish(study: s.id, trial: 7, state: .complete, value: 1) } throws: { "\($0)".contains("study 'named' has no trial 7") }
    #expect { try store.report(study: s.id, trial: 7, step: 1, value: 1) } throws: { "\($0)".contains("has no trial 7") }
    #expect { try store.heartbeat(study: s.id, trial: 7, runID: nil) } throws: { "\($0)".contains("has no trial 7") }
    #expect { try store.trials(study: 99) } throws: { "\($0)".contains("no study with id 99") }
    #expect { try store.claim(study: 99, worker: "w", target: 1, staleAfter: 1, sample: sampleByNumber) } throws: { "\($0)".contains("no study with id 99") }
  }

  /// A RUNNING trial whose heartbeat is older than `staleAfter` goes back to the queue; the next
  /// claim takes it (same number and parameters) before making a new one, and starts it afresh.
  @Test func aTrialWithAStaleHeartbeatIsClaimedAgain() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    let first = try #require(try store.claim(study: s.id, worker: "dead", target: 5, staleAfter: 60, sample: sampleByNumber))
    try store.heartbeat(study: s.id, trial: 0, runID: "run-dead")
    try store.report(study: s.id, trial: 0, step: 1, value: 0.5)
    // Fresh: a claim makes trial 1.
    #expect(try store.claim(study: s.id, worker: "live", target: 5, staleAfter: 60, sample: sampleByNumber)?.number == 1)
    Thread.sleep(forTimeInterval: 0.05)
    try store.heartbeat(study: s.id, trial: 1, runID: nil)
    // Trial 0 has not beaten for 0.05 s: stale after 0.03 s; trial 1 just beat.
    let again = try #require(try store.claim(study: s.id, worker: "live", target: 5, staleAfter: 0.03, sample: sampleByNumber))
    #expect(again.number == 0 && again.params == first.params && again.worker == "live" && again.state == .running)
    #expect(again.intermediate.isEmpty && again.runID == nil)
    let trials = try store.trials(study: s.id)
    #expect(trials.map(\.state) == [.running, .running] && trials.map(\.worker) == ["live", "live"])
    // With nothing waiting, the next claim makes trial 2.
    #expect(try store.claim(study: s.id, worker: "live", target: 5, staleAfter: 60, sample: sampleByNumber)?.number == 2)
  }

  /// A worker whose trial was given back while it was still alive takes it back with its heartbeat.
  @Test func aHeartbeatTakesBackATrialGivenBackButNotYetClaimed() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    _ = try store.claim(study: s.id, worker: "slow", target: 1, staleAfter: 60, sample: sampleByNumber)
    Thread.sleep(forTimeInterval: 0.02)
    // Given back, as a claim does once its heartbeat is stale, but not claimed again yet.
    try store.store.pool.write { db in try db.execute(sql: "UPDATE trial SET state = 'WAITING'") }
    try store.heartbeat(study: s.id, trial: 0, runID: nil)
    #expect(try store.trials(study: s.id).map(\.state) == [.running])
    #expect(try store.claim(study: s.id, worker: "other", target: 1, staleAfter: 60, sample: sampleByNumber) == nil)
  }

  /// A store keeps the trials it read and reads again only those changed since (through any
  /// connection): what it gives is always what the file holds, and a claim rolled back leaves
  /// nothing behind.
  @Test func trialsReadThroughOneStoreFollowChangesMadeThroughAnother() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let a = try SQLiteStudyStore(path: path), b = try SQLiteStudyStore(path: path)
    let s = try a.open(.test())
    for _ in 0..<3 { _ = try a.claim(study: s.id, worker: "a", target: 100, staleAfter: 60, sample: sampleByNumber) }
    #expect(try a.trials(study: s.id).map(\.state) == [.running, .running, .running])
    try b.report(study: s.id, trial: 1, step: 4, value: 0.5)
    try b.finish(study: s.id, trial: 1, state: .pruned, value: 0.5)
    try b.heartbeat(study: s.id, trial: 2, runID: "r2")
    #expect { try a.claim(study: s.id, worker: "a", target: 100, staleAfter: 60) { _, _ in throw SweepError("no") } } throws: { _ in true }
    var seen: [TrialRecord] = []
    let t = try a.claim(study: s.id, worker: "a", target: 100, staleAfter: 60) { trials, n in seen = trials; return sampleByNumber(trials, n) }
    #expect(t?.number == 3)
    let fresh = try SQLiteStudyStore(path: path).trials(study: s.id)
    #expect(seen == Array(fresh.prefix(3)))
    #expect(seen[1].state == .pruned && seen[1].intermediate == [4: 0.5] && seen[2].runID == "r2")
    // A trial given back and claimed again loses its values; both stores see it.
    try b.report(study: s.id, trial: 0, step: 1, value: 0.25)
    #expect(try a.trials(study: s.id)[0].intermediate == [1: 0.25])
    Thread.sleep(forTimeInterval: 0.02)
    let again = try b.claim(study: s.id, worker: "b", target: 100, staleAfter: 0.01, sample: sampleByNumber)
    #expect(again?.number == 0)
    #expect(try a.trials(study: s.id) == (try SQLiteStudyStore(path: path).trials(study: s.id)))
    #expect(try a.trials(study: s.id)[0].intermediate.isEmpty && (try a.trials(study: s.id)[0].worker) == "b")
  }

  /// Closing the store and opening the file again continues the study: same id, trials kept,
  /// numbers carrying on.
  @Test func aReopenedStoreContinuesTheStudy() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let id: Int64
    do {
      let store = try SQLiteStudyStore(path: path)
      id = try store.open(.test()).id
      for n in 0..<2 {
        _ = try store.claim(study: id, worker: "w", target: 4, staleAfter: 60, sample: sampleByNumber)
        try store.report(study: id, trial: n, step: 1, value: 0.5)
        try store.finish(study: id, trial: n, state: .complete, value: Double(n))
      }
    }
    let store = try SQLiteStudyStore(path: path)
    let s = try store.open(.test())
    #expect(s.id == id)
    var seen = 0
    let t = try store.claim(study: s.id, worker: "w", target: 4, staleAfter: 60) { trials, number in
      seen = trials.count
      #expect(trials.map(\.value) == [0, 1] && trials.allSatisfy { $0.intermediate == [1: 0.5] })
      return sampleByNumber(trials, number)
    }
    #expect(t?.number == 2 && seen == 2)
  }

  /// Parameters, intermediate values and objective values come back bit for bit.
  @Test func valuesComeBackBitForBit() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    let odd: [Double] = [-0.0, 1e-300, .leastNonzeroMagnitude, .nan, Double(bitPattern: 0xFFF8_0000_DEAD_BEEF), .infinity, -.infinity, 0.1 + 0.2,
                         .greatestFiniteMagnitude, -1.2345678901234567e-200]
    let params = Dictionary(uniqueKeysWithValues: odd.enumerated().map { ("p.\($0.offset)", $0.element) })
    for (i, v) in odd.enumerated() {
      _ = try store.claim(study: s.id, worker: "w", target: odd.count, staleAfter: 60) { _, _ in params }
      try store.report(study: s.id, trial: i, step: 0, value: v)
      try store.finish(study: s.id, trial: i, state: .complete, value: v)
    }
    let trials = try store.trials(study: s.id)
    for (i, v) in odd.enumerated() {
      #expect(trials[i].value?.bitPattern == v.bitPattern)
      #expect(trials[i].intermediate[0]?.bitPattern == v.bitPattern)
      #expect(trials[i].params.mapValues(\.bitPattern) == params.mapValues(\.bitPattern))
    }
  }

  /// Several workers, each with a connection of its own (as separate processes have), open
  /// one new study in a new store at the same moment and claim from it until there is nothing
  /// left: one study is made, and every trial number is made and claimed once.
  /// (tests/cli/study_workers.sh does it with worker processes.)
  @Test func concurrentWorkersClaimEachTrialExactlyOnce() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let target = 240
    let claimed = Errors()
    let errors = Errors()
    let ids = Errors()
    DispatchQueue.concurrentPerform(iterations: 6) { w in
      do {
        let store = try SQLiteStudyStore(path: path)
        let id = try store.open(.test()).id
        ids.add("\(id)")
        while let t = try store.claim(study: id, worker: "w\(w)", target: target, staleAfter: 600, sample: sampleByNumber) {
          claimed.add("\(t.number)")
          try store.report(study: id, trial: t.number, step: 1, value: 1)
          try store.finish(study: id, trial: t.number, state: .complete, value: Double(w))
        }
      } catch { errors.add("\(error)") }
    }
    #expect(errors.all.isEmpty)
    #expect(ids.all.count == 6 && Set(ids.all).count == 1)
    #expect(claimed.all.map { Int($0)! }.sorted() == Array(0..<target))
    let store = try SQLiteStudyStore(path: path)
    #expect(try store.studies().count == 1)
    let trials = try store.trials(study: try store.study(named: "s").id)
    #expect(trials.count == target && trials.allSatisfy { $0.state == .complete })
  }

  /// The run that carries a trial out is marked with its study and trial: `crescent runs
  /// --study` and `--filter study=...` find it.
  @Test func aTrialsRunIsLinkedToItsStudy() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let studies = try SQLiteStudyStore(path: path)
    let s = try studies.open(.test("yeast"))
    _ = try studies.claim(study: s.id, worker: "w", target: 2, staleAfter: 60, sample: sampleByNumber)
    let run = try RunRecording(store: studies.store, start: .test())
    let other = try RunRecording(store: studies.store, start: .test())
    try studies.heartbeat(study: s.id, trial: 0, runID: run.runID)
    try run.finish(.pruned)
    try other.finish(.completed)
    let runs = try RunStore(path: path).runs()
    let linked = try #require(runs.first { $0.id == run.runID })
    #expect(linked.study == "yeast" && linked.trial == 0 && linked.status == .pruned)
    #expect(runs.first { $0.id == other.runID }?.study == nil)
    let f = try RunFilter.parse("study=yeast and trial=0")
    #expect(runs.filter { f.matches($0, config: { [] }) }.map(\.id) == [run.runID])
    let detail = try #require(try studies.store.run(id: run.runID))
    #expect(detail.study == "yeast" && detail.trial == 0)
    try studies.store.link(run: other.runID, study: "yeast", trial: 1)
    #expect(try studies.store.run(id: other.runID)?.trial == 1)
  }

  /// A pruned trial's run ended by design: it is not one `crescent resume` continues.
  @Test func aPrunedRunIsNotReopened() throws {
    let dir = TempFolder()
    let store = try RunStore(path: dir.path("crescent.db"))
    let run = try RunRecording(store: store, start: .test())
    try run.finish(.pruned)
    #expect(try store.run(id: run.runID)?.status == .pruned)
    #expect { try RunRecording(store: store, reopening: run.runID) } throws: { "\($0)".contains("is PRUNED") }
  }
}

@Suite struct StudySchemaTests {
  /// Stores of schema 1 and 2 open as schema 3: their runs kept, the study tables added.
  @Test(arguments: ["v1", "v2 curves"]) func anOlderStoreIsMigrated(upTo step: String) throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    do {
      let pool = try DatabasePool(path: path)
      try RunStore.migrator.migrate(pool, upTo: step)
      try pool.write { db in
        try db.execute(sql: "INSERT INTO run (id, experiment, status, started, heartbeat) VALUES ('old', 'e', 'COMPLETED', 1, 1)")
      }
      _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
      try pool.close()
    }
    #expect(StoreFile.inspect(path) == .store(version: step == "v1" ? 1 : 2))
    let studies = try SQLiteStudyStore(path: path)
    #expect(StoreFile.inspect(path) == .store(version: 3))
    #expect(try studies.store.runs().map(\.id) == ["old"])
    #expect(try studies.store.runs().first?.study == nil)
    let s = try studies.open(.test())
    #expect(try studies.claim(study: s.id, worker: "w", target: 1, staleAfter: 60, sample: sampleByNumber)?.number == 0)
  }
}
