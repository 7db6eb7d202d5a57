import Foundation
import Testing
@testable import PostgresStore
import Sweeps

/// A value threads share, behind a lock.
final class Locked<T>: @unchecked Sendable {  // every access holds `lock`
  private var value: T
  private let lock = NSLock()
  init(_ value: T) { self.value = value }
  func withLock<R>(_ body: (inout T) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

/// Runs `body(i)` on `count` threads of its own at once and waits for them all; the first error
/// any of them threw is thrown.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
  let failures = Locked<[String]>([])
  let done = DispatchSemaphore(value: 0)
  for i in 0..<count {
    let thread = Thread {
      do { try body(i) } catch { failures.withLock { $0.append("thread \(i): \(error)") } }
      done.signal()
    }
    thread.start()
  }
  for _ in 0..<count { done.wait() }
  let messages = failures.withLock { $0 }
  if !messages.isEmpty { throw SweepError(messages.joined(separator: "; ")) }
}

@Suite(.enabled(if: TestServer.available, "needs CRESCENT_TEST_POSTGRES (scripts/postgres starts a server)"))
struct PostgresStoreConcurrencyTests {
  @Test func workersStartingTogetherMakeTheTablesOnce() throws {
    let db = try TestDatabase()
    let url = db.url
    try onThreads(6) { _ in _ = try PostgresStudyStore(url: url) }
    let store = try db.store()
    #expect(try store.db.execute("SELECT count(*) FROM study_store_version").first?.decode(Int.self) == 1)
  }

  @Test func eachTrialIsClaimedByExactlyOneWorker() throws {
    let db = try TestDatabase()
    let url = db.url
    let study = try db.store().open(Fixtures.spec()).id
    struct Claim: Sendable { var worker: Int; var number: Int; var seen: Int }
    let claims = Locked<[Claim]>([])
    // Several workers, each with its own connection, claim until the study has 40 trials;
    // every fourth trial is left running, as if its worker died.
    try onThreads(4) { w in
      let store = try PostgresStudyStore(url: url)
      while let t = try store.claim(study: study, worker: "w\(w)", target: 40, staleAfter: 60, sample: Fixtures.params) {
        claims.withLock { $0.append(Claim(worker: w, number: t.number, seen: Int(t.params["seen"]!))) }
        if t.number % 4 != 3 { try store.finish(study: study, trial: t.number, state: .complete, value: Double(t.number)) }
      }
    }
    let first = claims.withLock { $0 }
    #expect(first.map(\.number).sorted() == Array(0..<40))
    // The sampler saw every earlier trial: new trials are made one at a time.
    #expect(first.allSatisfy { $0.seen == $0.number })
    #expect(Set(first.map(\.worker)).count > 1, "the workers took turns")
    // Their heartbeats go stale; the workers requeue them and claim each once, then make
    // trials up to 60.
    try db.execute("UPDATE trial SET heartbeat = heartbeat - 120 WHERE state = 'RUNNING'")
    claims.withLock { $0 = [] }
    try onThreads(4) { w in
      let store = try PostgresStudyStore(url: url)
      while let t = try store.claim(study: study, worker: "v\(w)", target: 60, staleAfter: 60, sample: Fixtures.params) {
        claims.withLock { $0.append(Claim(worker: w, number: t.number, seen: Int(t.params["seen"]!))) }
        try store.finish(study: study, trial: t.number, state: .complete, value: Double(t.number))
      }
    }
    let second = claims.withLock { $0 }.map(\.number).sorted()
    #expect(second == Array(stride(from: 3, to: 40, by: 4)) + Array(40..<60))
    let trials = try db.store().trials(study: study)
    #expect(trials.count == 60 && trials.allSatisfy { $0.state == .complete && $0.value == Double($0.number) })
  }

  @Test func aKilledConnectionIsMadeAgainAndTheCallRetried() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    let t = try #require(try store.claim(study: study, worker: "w", target: 3, staleAfter: 60, sample: Fixtures.params))
    #expect(try db.terminateConnections() == 1)
    try store.report(study: study, trial: t.number, step: 1, value: 0.5)
    #expect(try db.terminateConnections() == 1)
    try store.heartbeat(study: study, trial: t.number, runID: "r")
    #expect(try db.terminateConnections() == 1)
    try store.finish(study: study, trial: t.number, state: .complete, value: 0.75)
    #expect(try db.terminateConnections() == 1)
    let next = try #require(try store.claim(study: study, worker: "w", target: 3, staleAfter: 60, sample: Fixtures.params))
    #expect(next.number == 1)
    #expect(try db.terminateConnections() == 1)
    let trials = try store.trials(study: study)
    #expect(trials.count == 2 && trials[0].value == 0.75 && trials[0].intermediate == [1: 0.5] && trials[0].runID == "r")
    #expect(try db.terminateConnections() == 1)
    #expect(try store.study(named: "yeast").id == study)
  }

  @Test func aServerThatStaysAwayIsReportedClearly() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    store.db.retryDelays = [0.01, 0.01]
    try db.execute("ALTER DATABASE \(db.name) ALLOW_CONNECTIONS false")
    try db.terminateConnections()
    let address = "PostgreSQL server crescent@127.0.0.1:\(store.db.address.port)/\(db.name)"
    #expect(throws: SweepError("\(address): recording a value of trial 0 of study \(study) failed after 2 tries: database \"\(db.name)\" is not currently accepting connections [SQLSTATE 55000]")) {
      try store.report(study: study, trial: 0, step: 1, value: 0.5)
    }
    // Nothing listening at all: each try fails to connect.
    let port = store.db.address.port == 1 ? 2 : 1
    let started = Date()
    #expect {
      try PostgresStudyStore(url: "postgres://crescent:pw@127.0.0.1:\(port)/crescent")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("PostgreSQL server crescent@127.0.0.1:\(port)/crescent: connecting failed after 6 tries: ")
        && !text.contains("pw")
    }
    #expect(Date().timeIntervalSince(started) > 3, "it waited between tries")
  }

  @Test func claimReportAndFinishCostLittlePerTrial() throws {
    let db = try TestDatabase()
    let store = try db.store()
    let study = try store.open(Fixtures.spec()).id
    let count = 1000
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      while let t = try store.claim(study: study, worker: "w", target: count, staleAfter: 60, sample: { _, n in ["x": Double(n)] }) {
        try store.report(study: study, trial: t.number, step: 1, value: Double(t.number))
        try store.finish(study: study, trial: t.number, state: .complete, value: Double(t.number))
      }
    }
    let perTrial = (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(count) * 1000
    print("postgres study store: claim + report + finish: \(String(format: "%.2f", perTrial)) ms per trial over \(count) trials")
    #expect(try store.trials(study: study).count == count)
    #expect(perTrial < 20)
  }
}
