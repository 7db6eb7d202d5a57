import Foundation
import Sweeps

/// Keeps a claimed trial's heartbeat fresh from a timer's thread while its run goes on, and
/// writes the run's id to the trial once the run is recorded. A worker that dies stops
/// beating: after the study's `staleAfter`, the next claim puts its trial back in the queue.
final class TrialHeartbeat: @unchecked Sendable {  // `runID`, `timer`, `stopped` and each beat behind `lock`; the store serializes its calls
  private let store: SerializedStudyStore
  private let study: Int64
  private let trial: Int
  private let lock = NSLock()
  private var runID: String?
  private var timer: DispatchSourceTimer?
  private var stopped = false

  init(store: SerializedStudyStore, study: Int64, trial: Int) {
    self.store = store
    self.study = study
    self.trial = trial
  }

  /// Beats every `interval` seconds until `stop`.
  func start(interval: Double) {
    let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    t.schedule(deadline: .now() + interval, repeating: interval)
    t.setEventHandler { [weak self] in self?.beat() }
    lock.withLock { timer = t }
    t.resume()
  }

  /// The run carrying the trial out: written to the trial at once.
  func started(runID id: String) {
    lock.withLock { runID = id }
    beat()
  }

  /// Writes the heartbeat, unless stopped: the write holds `lock`, so once `stop` returns no
  /// beat is under way (a late beat would take back a trial given back to the queue).
  func beat() {
    lock.withLock {
      guard !stopped else { return }
      try? store.heartbeat(study: study, trial: trial, runID: runID)
    }
  }

  /// Stops the beats; none is written after this returns.
  func stop() {
    let t: DispatchSourceTimer? = lock.withLock {
      stopped = true
      defer { timer = nil }
      return timer
    }
    t?.cancel()
  }
}
