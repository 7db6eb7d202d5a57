import Foundation
import Sweeps
import Testing
@testable import RunStore

/// A worker asked to stop gives its trial back to the queue at once; the next worker claims
/// it, exactly once, before any new trial is made.
@Suite struct StudyStoreReleaseTests {
  @Test func aReleasedTrialIsClaimedByTheNextWorkerExactlyOnce() throws {
    let dir = TempFolder()
    let stopping = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try stopping.open(.test())
    let held = try #require(try stopping.claim(study: s.id, worker: "host:1", target: 3, staleAfter: 60, sample: sampleByNumber))
    try stopping.heartbeat(study: s.id, trial: held.number, runID: "run-interrupted")
    try stopping.report(study: s.id, trial: held.number, step: 1, value: 0.5)
    // Another worker's claim leaves it alone while it runs: it makes trial 1.
    let next = try SQLiteStudyStore(path: dir.path("crescent.db"))
    #expect(try next.claim(study: s.id, worker: "host:2", target: 3, staleAfter: 60, sample: sampleByNumber)?.number == 1)
    // Only its own worker gives it back.
    #expect(try stopping.release(study: s.id, trial: 0, worker: "host:2") == false)
    #expect(try next.trials(study: s.id)[0].state == .running)
    #expect(try stopping.release(study: s.id, trial: 0, worker: "host:1"))
    let waiting = try next.trials(study: s.id)[0]
    #expect(waiting.state == .waiting && waiting.worker == nil && waiting.heartbeat == nil)
    #expect(waiting.runID == nil && waiting.intermediate.isEmpty && waiting.params == held.params)
    // Given back once: a second release changes nothing.
    #expect(try stopping.release(study: s.id, trial: 0, worker: "host:1") == false)
    // The next claim (its heartbeat fresh: not a stale trial) takes it, with its parameters.
    let again = try #require(try next.claim(study: s.id, worker: "host:3", target: 3, staleAfter: 60, sample: sampleByNumber))
    #expect(again.number == 0 && again.params == held.params && again.worker == "host:3" && again.state == .running)
    // Once: the claim after makes trial 2, and then the study has its trials.
    #expect(try stopping.claim(study: s.id, worker: "host:4", target: 3, staleAfter: 60, sample: sampleByNumber)?.number == 2)
    #expect(try next.claim(study: s.id, worker: "host:5", target: 3, staleAfter: 60, sample: sampleByNumber) == nil)
    #expect(try stopping.trials(study: s.id).map(\.worker) == ["host:3", "host:2", "host:4"])
  }

  @Test func aFinishedTrialIsNotGivenBack() throws {
    let dir = TempFolder()
    let store = try SQLiteStudyStore(path: dir.path("crescent.db"))
    let s = try store.open(.test())
    _ = try store.claim(study: s.id, worker: "w", target: 1, staleAfter: 60, sample: sampleByNumber)
    try store.finish(study: s.id, trial: 0, state: .complete, value: 0.5)
    #expect(try store.release(study: s.id, trial: 0, worker: "w") == false)
    #expect(try store.trials(study: s.id)[0].state == .complete && store.trials(study: s.id)[0].value == 0.5)
    #expect { try store.release(study: s.id, trial: 7, worker: "w") } throws: { "\($0)".contains("has no trial 7") }
  }
}
