/// Where a trial of a study is.
public enum TrialState: String, Sendable, CaseIterable {
  /// Queued: given back after its worker died, or enqueued ahead of time; the next claim takes it.
  case waiting = "WAITING"
  /// Claimed by a worker, whose heartbeat keeps it.
  case running = "RUNNING"
  /// Finished with an objective value.
  case complete = "COMPLETE"
  /// Stopped by the pruner at the step it reached.
  case pruned = "PRUNED"
  /// Its run failed (an error in the script, or no objective value).
  case failed = "FAILED"

  /// Whether the trial has ended (it counts towards `--trials` when complete or pruned).
  public var isFinished: Bool { self == .complete || self == .pruned || self == .failed }
}
