import Foundation
import Sweeps

/// A study store in memory, as the protocol documents it, for the worker's tests.
final class MemoryStudyStore: StudyStore, @unchecked Sendable {  // every member behind `lock`
  private let lock = NSRecursiveLock()
  private var infos: [StudyInfo] = []
  private var trialsByStudy: [Int64: [TrialRecord]] = [:]
  /// Every state `finish` was given, in order.
  private(set) var finishes: [(trial: Int, state: TrialState)] = []
  /// Every trial `release` gave back, in order.
  private(set) var releases: [Int] = []

  func open(_ spec: StudySpec) throws -> StudyInfo {
    try lock.withLock {
      if let i = infos.first(where: { $0.spec.name == spec.name }) {
        guard i.spec.space == spec.space else { throw SweepError("study '\(spec.name)' has another space") }
        return i
      }
      let info = StudyInfo(id: Int64(infos.count + 1), spec: spec, created: 0)
      infos.append(info)
      trialsByStudy[info.id] = []
      return info
    }
  }

  func study(named name: String) throws -> StudyInfo {
    try lock.withLock {
      guard let i = infos.first(where: { $0.spec.name == name }) else { throw SweepError("no study '\(name)'") }
      return i
    }
  }

  func studies() throws -> [StudyInfo] { lock.withLock { infos } }

  func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
             sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord? {
    try lock.withLock {
      var trials = trialsByStudy[study] ?? []
      let now = Date().timeIntervalSince1970
      for i in trials.indices where trials[i].state == .running && now - (trials[i].heartbeat ?? now) > staleAfter {
        trials[i].state = .waiting
      }
      defer { trialsByStudy[study] = trials }
      if let i = trials.firstIndex(where: { $0.state == .waiting }) {
        trials[i].state = .running
        trials[i].worker = worker
        trials[i].heartbeat = now
        return trials[i]
      }
      guard trials.filter({ $0.state.isFinished || $0.state == .running }).count < target else { return nil }
      let t = TrialRecord(number: trials.count, state: .running, params: try sample(trials, trials.count), worker: worker, heartbeat: now)
      trials.append(t)
      return t
    }
  }

  func heartbeat(study: Int64, trial: Int, runID: String?) throws {
    lock.withLock {
      trialsByStudy[study]![trial].heartbeat = Date().timeIntervalSince1970
      if let runID { trialsByStudy[study]![trial].runID = runID }
    }
  }

  func report(study: Int64, trial: Int, step: Int, value: Double) throws {
    lock.withLock { trialsByStudy[study]![trial].intermediate[step] = value }
  }

  @discardableResult
  func release(study: Int64, trial: Int, worker: String) throws -> Bool {
    lock.withLock {
      guard let t = trialsByStudy[study]?[trial], t.state == .running, t.worker == worker else { return false }
      trialsByStudy[study]![trial] = TrialRecord(number: t.number, state: .waiting, params: t.params)
      releases.append(trial)
      return true
    }
  }

  func finish(study: Int64, trial: Int, state: TrialState, value: Double?) throws {
    lock.withLock {
      trialsByStudy[study]![trial].state = state
      trialsByStudy[study]![trial].value = value
      finishes.append((trial, state))
    }
  }

  func trials(study: Int64) throws -> [TrialRecord] { lock.withLock { trialsByStudy[study] ?? [] } }

  /// Makes trial `number` look as if its worker died `age` seconds ago.
  func age(study: Int64, trial number: Int, by age: Double) {
    lock.withLock { trialsByStudy[study]![number].heartbeat = Date().timeIntervalSince1970 - age }
  }
}
