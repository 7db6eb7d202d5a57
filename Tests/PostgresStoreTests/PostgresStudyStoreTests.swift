import Foundation
import Testing
@testable import PostgresStore
import Sweeps

@Suite(.enabled(if: TestServer.available, "needs CRESCENT_TEST_POSTGRES (scripts/postgres starts a server)"))
struct PostgresStudyStoreTests {
  @Test func aStudyIsCreatedThenFoundAsItWas() throws {
    let db = try TestDatabase()
    let store = try db.store()
    #expect(try store.studies().isEmpty)
    #expect(throws: SweepError("no study 'yeast' in the PostgreSQL server crescent@127.0.0.1:\(store.db.address.port)/\(db.name): it has no studies yet (crescent sweep creates one)")) {
      try store.study(named: "yeast")
    }
    let made = try store.open(Fixtures.spec())
    #expect(made.spec == Fixtures.spec())
    #expect(abs(made.created - Date().timeIntervalSince1970) < 60)
    let other = try store.open(Fixtures.spec("iris", seed: 7))
    // Rerunning the same sweep finds the study as it was; so does another connection.
    let again = try db.store()
    #expect(try again.open(Fixtures.spec()) == made)
    #expect(try again.study(named: "yeast") == made)
    #expect(try again.studies() == [made, other])
    #expect(throws: SweepError("no study 'yeats' in the PostgreSQL server crescent@127.0.0.1:\(store.db.address.port)/\(db.name); its studies are: yeast, iris")) {
      try again.study(named: "yeats")
    }
  }

  @Test func aChangedSweepIsRefusedSayingWhatDiffers() throws {
    let db = try TestDatabase()
    let store = try db.store()
    _ = try store.open(Fixtures.spec())
    var space = Fixtures.space
    space.parameters[0].distribution = .logUniform(low: 1e-5, high: 0.1)
    #expect(throws: SweepError("study 'yeast' exists with other settings: the search space differs (given lr=loguniform(1e-05, 0.1); the study has lr=loguniform(0.0001, 0.1)); the sampler is tpe, the study's is random. Rerun it as it was to continue it, or name a new study with --study NAME")) {
      try store.open(Fixtures.spec(space: space, sampler: "tpe"))
    }
    var moved = Fixtures.spec()
    moved.script = "other.lua"
    moved.with = []
    #expect(throws: SweepError("study 'yeast' exists with other settings: the script is 'other.lua', the study's is 'examples/sweep.lua'; the settings given with `with` are none, the study's are 'small epochs=10 tag=\"a b\"'. Rerun it as it was to continue it, or name a new study with --study NAME")) {
      try store.open(moved)
    }
    // The seed is not what defines a study: a rerun with another seed continues it.
    #expect(try store.open(Fixtures.spec(seed: 1)).spec.seed == Fixtures.spec().seed)
  }

  @Test func claimReportHeartbeatFinishAndTrials() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    var seen: [(Int, Int)] = []
    func sample(_ trials: [TrialRecord], _ n: Int) -> [String: Double] {
      seen.append((trials.count, n))
      return Fixtures.params(trials, n)
    }
    let first = try #require(try store.claim(study: study, worker: "host:1", target: 2, staleAfter: 60, sample: sample))
    #expect(first.number == 0 && first.state == .running && first.worker == "host:1" && first.runID == nil)
    #expect(first.params == Fixtures.params([], 0))
    #expect(abs(first.heartbeat! - Date().timeIntervalSince1970) < 60)
    try store.heartbeat(study: study, trial: 0, runID: "run-a")
    try store.heartbeat(study: study, trial: 0, runID: nil)
    try store.report(study: study, trial: 0, step: 1, value: 0.5)
    try store.report(study: study, trial: 0, step: 2, value: 0.25)
    try store.report(study: study, trial: 0, step: 1, value: 0.75)
    try store.finish(study: study, trial: 0, state: .complete, value: 0.125)
    let second = try #require(try store.claim(study: study, worker: "host:2", target: 2, staleAfter: 60, sample: sample))
    #expect(second.number == 1 && second.params["seen"] == 1)
    // Two trials, one finished and one running: the study has its trials.
    #expect(try store.claim(study: study, worker: "host:1", target: 2, staleAfter: 60, sample: sample) == nil)
    #expect(seen.map(\.0) == [0, 1] && seen.map(\.1) == [0, 1])
    try store.finish(study: study, trial: 1, state: .pruned, value: nil)
    let trials = try store.trials(study: study)
    #expect(trials.map(\.number) == [0, 1])
    #expect(trials[0].state == .complete && trials[0].value == 0.125 && trials[0].runID == "run-a" && trials[0].worker == "host:1")
    #expect(trials[0].intermediate == [1: 0.75, 2: 0.25] && trials[0].lastStep == 2)
    #expect(trials[1].state == .pruned && trials[1].value == nil && trials[1].intermediate.isEmpty)
    // A larger target makes more.
    #expect(try store.claim(study: study, worker: "host:1", target: 3, staleAfter: 60, sample: sample)?.number == 2)
  }

  @Test func badCallsSayWhatIsWrong() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    #expect(throws: SweepError("study 'yeast' has no trial 4")) { try store.heartbeat(study: study, trial: 4, runID: nil) }
    #expect(throws: SweepError("study 'yeast' has no trial 4")) { try store.report(study: study, trial: 4, step: 0, value: 1) }
    #expect(throws: SweepError("study 'yeast' has no trial 4")) { try store.finish(study: study, trial: 4, state: .failed, value: nil) }
    #expect(throws: SweepError("a trial finishes as COMPLETE, PRUNED or FAILED, not RUNNING")) {
      try store.finish(study: study, trial: 0, state: .running, value: nil)
    }
    let address = "PostgreSQL server crescent@127.0.0.1:\(store.db.address.port)/\(db.name)"
    #expect(throws: SweepError("no study with id 99 in the \(address)")) { try store.trials(study: 99) }
    #expect(throws: SweepError("no study with id 99 in the \(address)")) {
      try store.claim(study: 99, worker: "w", target: 1, staleAfter: 60) { _, _ in [:] }
    }
    // The sampler's own error comes through as it is, and nothing is claimed.
    struct SamplerFailed: Error, Equatable {}
    #expect(throws: SamplerFailed()) {
      try store.claim(study: study, worker: "w", target: 1, staleAfter: 60) { _, _ in throw SamplerFailed() }
    }
    #expect(try store.trials(study: study).isEmpty)
  }

  @Test func everyValueComesBackBitExact() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    let awkward: [Double] = [0.1 + 0.2, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3, .infinity, -.infinity, .nan,
                             Double(bitPattern: 0x3FF0_0000_0000_0001), 1e-300]
    let params = Dictionary(uniqueKeysWithValues: awkward.enumerated().map { ("p\($0.offset)", $0.element) })
    _ = try store.claim(study: study, worker: "w", target: 1, staleAfter: 60) { _, _ in params }
    for (step, v) in awkward.enumerated() { try store.report(study: study, trial: 0, step: step, value: v) }
    try store.finish(study: study, trial: 0, state: .complete, value: 0.1 + 0.2)
    let trial = try #require(try db.store().trials(study: study).first)
    for (k, v) in params { #expect(trial.params[k]?.bitPattern == v.bitPattern, "\(k)") }
    for (step, v) in awkward.enumerated() { #expect(trial.intermediate[step]?.bitPattern == v.bitPattern, "step \(step)") }
    #expect(trial.value?.bitPattern == (0.1 + 0.2).bitPattern)
    #expect(try db.store().study(named: "yeast").spec.seed == 0xFFFF_0000_1234_5678)
  }

  @Test func aStoppedStudyResumesWhereItStopped() throws {
    let db = try TestDatabase()
    do {
      let store = try db.store()
      let study = try store.open(Fixtures.spec()).id
      for _ in 0..<3 {
        let t = try #require(try store.claim(study: study, worker: "a", target: 5, staleAfter: 60, sample: Fixtures.params))
        try store.finish(study: study, trial: t.number, state: .complete, value: Double(t.number))
      }
    }
    // The same sweep, rerun: same study, numbering and history go on.
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    var numbers: [Int] = []
    while let t = try store.claim(study: study, worker: "b", target: 5, staleAfter: 60, sample: Fixtures.params) {
      #expect(t.params["seen"] == Double(t.number))
      numbers.append(t.number)
      try store.finish(study: study, trial: t.number, state: .complete, value: 1)
    }
    #expect(numbers == [3, 4])
    #expect(try store.trials(study: study).map(\.state) == Array(repeating: .complete, count: 5))
  }

  @Test func aTrialWhoseWorkerStoppedBeatingIsClaimedAgain() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    let lost = try #require(try store.claim(study: study, worker: "dead", target: 3, staleAfter: 60, sample: Fixtures.params))
    try store.report(study: study, trial: lost.number, step: 1, value: 9)
    let alive = try #require(try store.claim(study: study, worker: "alive", target: 3, staleAfter: 60, sample: Fixtures.params))
    try store.heartbeat(study: study, trial: alive.number, runID: "run-alive")
    // The dead worker's heartbeat is two minutes old; the live one's is fresh.
    try db.execute("UPDATE trial SET heartbeat = heartbeat - 120 WHERE number = \(lost.number)")
    let again = try #require(try store.claim(study: study, worker: "new", target: 3, staleAfter: 60, sample: Fixtures.params))
    #expect(again.number == lost.number && again.worker == "new" && again.state == .running)
    #expect(again.params == lost.params && again.intermediate.isEmpty && again.runID == nil)
    let trials = try store.trials(study: study)
    #expect(trials.map(\.state) == [.running, .running])
    #expect(trials[1].worker == "alive" && trials[1].runID == "run-alive")
    // A shorter staleness takes the other one too, before any new trial is made.
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try store.claim(study: study, worker: "new", target: 3, staleAfter: 0.2, sample: Fixtures.params)?.number == 0)
    #expect(try store.claim(study: study, worker: "new", target: 3, staleAfter: 0.2, sample: Fixtures.params)?.number == 1)
    // A worker that was only slow gets its requeued trial back by beating.
    try db.execute("UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL WHERE number = 1")
    try store.heartbeat(study: study, trial: 1, runID: nil)
    #expect(try store.trials(study: study)[1].state == .running)
  }
}
