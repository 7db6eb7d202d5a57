import Foundation
import Testing
@testable import PostgresStore
import Sweeps

/// A worker asked to stop gives its trial back to the queue at once; the next worker (another
/// connection) claims it, exactly once, before any new trial is made.
@Suite(.enabled(if: TestServer.available, "needs CRESCENT_TEST_POSTGRES (scripts/postgres starts a server)"))
struct PostgresReleaseTests {
  @Test func aReleasedTrialIsClaimedByTheNextWorkerExactlyOnce() throws {
    let db = try TestDatabase()
    let stopping = try db.store()
    let study = try stopping.open(Fixtures.spec()).id
    let held = try #require(try stopping.claim(study: study, worker: "host:1", target: 3, staleAfter: 60, sample: Fixtures.params))
    try stopping.heartbeat(study: study, trial: held.number, runID: "run-interrupted")
    try stopping.report(study: study, trial: held.number, step: 1, value: 0.5)
    let next = try db.store()
    #expect(try next.claim(study: study, worker: "host:2", target: 3, staleAfter: 60, sample: Fixtures.params)?.number == 1)
    // Only its own worker gives it back.
    #expect(try stopping.release(study: study, trial: 0, worker: "host:2") == false)
    #expect(try next.trials(study: study)[0].state == .running)
    #expect(try stopping.release(study: study, trial: 0, worker: "host:1"))
    let waiting = try next.trials(study: study)[0]
    #expect(waiting.state == .waiting && waiting.worker == nil && waiting.heartbeat == nil)
    #expect(waiting.runID == nil && waiting.intermediate.isEmpty && waiting.params == held.params)
    #expect(try stopping.release(study: study, trial: 0, worker: "host:1") == false)
    let again = try #require(try next.claim(study: study, worker: "host:3", target: 3, staleAfter: 60, sample: Fixtures.params))
    #expect(again.number == 0 && again.params == held.params && again.worker == "host:3" && again.state == .running)
    #expect(try stopping.claim(study: study, worker: "host:4", target: 3, staleAfter: 60, sample: Fixtures.params)?.number == 2)
    #expect(try next.claim(study: study, worker: "host:5", target: 3, staleAfter: 60, sample: Fixtures.params) == nil)
    #expect(try stopping.trials(study: study).map(\.worker) == ["host:3", "host:2", "host:4"])
  }

  /// Workers stopping and claiming at once: every trial given back is claimed by one worker.
  @Test func releasedTrialsRacingClaimersAreEachClaimedOnce() throws {
    let db = try TestDatabase()
    let setup = try db.store()
    let study = try setup.open(Fixtures.spec()).id
    let stoppers = 4
    for w in 0..<stoppers {
      _ = try setup.claim(study: study, worker: "stopper:\(w)", target: stoppers, staleAfter: 60, sample: Fixtures.params)
    }
    let claims = Locked<[Int]>([])
    let url = db.url
    try onThreads(stoppers * 2) { i in
      let store = try PostgresStudyStore(url: url)
      if i < stoppers {
        guard try store.release(study: study, trial: i, worker: "stopper:\(i)") else { throw SweepError("trial \(i) was not given back") }
      } else {
        // Claims until every released trial is someone's.
        for _ in 0..<200 {
          if let t = try store.claim(study: study, worker: "claimer:\(i)", target: stoppers, staleAfter: 60, sample: Fixtures.params) {
            claims.withLock { $0.append(t.number) }
            try store.finish(study: study, trial: t.number, state: .complete, value: 1)
          }
          if try store.trials(study: study).allSatisfy(\.state.isFinished) { break }
          Thread.sleep(forTimeInterval: 0.01)
        }
      }
    }
    #expect(claims.withLock { $0.sorted() } == Array(0..<stoppers))
    #expect(try setup.trials(study: study).map(\.state) == Array(repeating: .complete, count: stoppers))
  }
}
