import CLuaShim
import Foundation
import Sweeps

/// Claims trials of a study one after another and carries each out as a recorded run in this
/// process, until the study has its finished trials (COMPLETE, PRUNED and FAILED all count) or
/// the process is asked to stop.
final class SweepWorker {
  let store: SerializedStudyStore
  let study: StudyInfo
  let sampler: Sampler
  let pruner: Pruner?
  /// How many finished trials the study should have.
  let target: Int
  let timing: SweepTiming
  /// Who claims: host and process id.
  let name: String
  /// Carries a trial out: the run's outcome.
  let runTrial: (TrialBinding) throws -> RunExecution.Outcome
  /// Told of each trial this worker finished, with why it failed when it did.
  var onFinished: (TrialRecord, TrialFailure?) -> Void = { _, _ in }
  /// Told of a trial this worker gave back to the queue when asked to stop.
  var onReleased: (TrialRecord) -> Void = { _ in }

  init(store: SerializedStudyStore, study: StudyInfo, sampler: Sampler, pruner: Pruner?, target: Int,
       timing: SweepTiming, runTrial: @escaping (TrialBinding) throws -> RunExecution.Outcome) {
    self.store = store
    self.study = study
    self.sampler = sampler
    self.pruner = pruner
    self.target = target
    self.timing = timing
    self.runTrial = runTrial
    name = SweepWorker.workerName()
  }

  static func workerName() -> String {
    "\(ProcessInfo.processInfo.hostName):\(getpid())"
  }

  static var stopRequested: Bool { crescent_interrupt_requested() != 0 }

  enum End { case studyDone, interrupted }

  /// Works until the study has `target` finished trials (the last trials of other workers
  /// included: a worker whose claim finds nothing waits for them, and takes over a trial whose
  /// worker died once its heartbeat is stale) or until Ctrl-C/SIGTERM.
  func work() throws -> End {
    let space = study.spec.space
    while !SweepWorker.stopRequested {
      let claimed = try store.claim(study: study.id, worker: name, target: target, staleAfter: timing.staleAfter) { trials, number in
        try self.sampler.sample(space: space, trials: trials, number: number)
      }
      guard let trial = claimed else {
        let finished = try store.trials(study: study.id).filter(\.state.isFinished).count
        if finished >= target { return .studyDone }
        SweepWorker.pause(timing.poll)
        continue
      }
      if try carryOut(trial) == .interrupted { return .interrupted }
    }
    return .interrupted
  }

  /// Runs one claimed trial and writes how it ended.
  func carryOut(_ trial: TrialRecord) throws -> End {
    let heartbeat = TrialHeartbeat(store: store, study: study.id, trial: trial.number)
    let reporter = StudyTrialReporter(store: store, study: study.id, number: trial.number, objective: study.spec.space.objective,
                                      direction: study.spec.space.direction, pruner: pruner)
    let binding = TrialBinding(studyName: study.spec.name, trial: trial, reporter: reporter, heartbeat: heartbeat)
    heartbeat.start(interval: timing.heartbeat)
    let outcome: RunExecution.Outcome
    do { outcome = try runTrial(binding) } catch {
      heartbeat.stop()
      // The worker stops here: its trial goes back to the queue now, not once it is stale.
      _ = try? store.release(study: study.id, trial: trial.number, worker: name)
      throw error
    }
    heartbeat.stop()
    var state: TrialState
    var value: Double?
    var failure: TrialFailure?
    switch outcome.status {
    case .completed:
      switch TrialObjective.value(of: outcome.run, objective: study.spec.space.objective) {
      case .success(let v): state = .complete; value = v
      case .failure(let f): state = .failed; failure = f
      }
    case .interrupted:
      // Stopped by Ctrl-C or SIGTERM: the run is recorded INTERRUPTED and the trial goes back
      // to the queue at once (the next worker, or the same command run again, takes it).
      try store.release(study: study.id, trial: trial.number, worker: name)
      onReleased(trial)
      return .interrupted
    default:
      if reporter.prunedAt != nil, RunExecution.isPruned(outcome.status) {
        state = .pruned
        value = reporter.last?.value
      } else {
        state = .failed
        failure = TrialFailure(outcome.error.map { $0.components(separatedBy: "\n").first ?? $0 } ?? "the run failed")
      }
    }
    try store.finish(study: study.id, trial: trial.number, state: state, value: value)
    var record = trial
    record.state = state
    record.value = value
    record.runID = outcome.runID
    if let last = reporter.last { record.intermediate[last.step] = last.value }
    onFinished(record, failure)
    return .studyDone
  }

  /// Sleeps `seconds`, waking early when asked to stop.
  static func pause(_ seconds: Double) {
    let until = Date().addingTimeInterval(seconds)
    while Date() < until, !stopRequested { Thread.sleep(forTimeInterval: min(0.05, seconds)) }
  }
}

/// How often a worker says its trial is alive, after how long a silent trial goes back to
/// the queue, and how often an idle worker looks again.
struct SweepTiming {
  var heartbeat = 5.0
  var staleAfter = 30.0
  var poll: Double { min(1, heartbeat) }
}
