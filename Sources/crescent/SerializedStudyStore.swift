import Foundation
import Sweeps

/// A study store whose calls are made one at a time, so a trial's heartbeat (on a timer's
/// thread) and the run's reports (on the script's thread) may share one connection.
final class SerializedStudyStore: StudyStore, @unchecked Sendable {  // every call holds `lock`
  private let base: StudyStore
  private let lock = NSRecursiveLock()

  init(_ base: StudyStore) { self.base = base }

  func open(_ spec: StudySpec) throws -> StudyInfo { try lock.withLock { try base.open(spec) } }
  func study(named name: String) throws -> StudyInfo { try lock.withLock { try base.study(named: name) } }
  func studies() throws -> [StudyInfo] { try lock.withLock { try base.studies() } }
  func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
             sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord? {
    try lock.withLock { try base.claim(study: study, worker: worker, target: target, staleAfter: staleAfter, sample: sample) }
  }
  func heartbeat(study: Int64, trial: Int, runID: String?) throws {
    try lock.withLock { try base.heartbeat(study: study, trial: trial, runID: runID) }
  }
  func report(study: Int64, trial: Int, step: Int, value: Double) throws {
    try lock.withLock { try base.report(study: study, trial: trial, step: step, value: value) }
  }
  @discardableResult
  func release(study: Int64, trial: Int, worker: String) throws -> Bool {
    try lock.withLock { try base.release(study: study, trial: trial, worker: worker) }
  }
  func finish(study: Int64, trial: Int, state: TrialState, value: Double?) throws {
    try lock.withLock { try base.finish(study: study, trial: trial, state: state, value: value) }
  }
  func trials(study: Int64) throws -> [TrialRecord] { try lock.withLock { try base.trials(study: study) } }
}
