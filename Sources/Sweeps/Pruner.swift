/// Decides whether a running trial should stop, from the values it reported so far and those
/// other trials reported at the same steps.
public protocol Pruner: Sendable {
  /// The pruner's name as `--pruner` takes it (`median`, `asha`).
  var name: String { get }
  /// Whether `trial`, which just reported at `step`, should stop. `trials` holds every trial of
  /// the study (the trial itself included).
  func shouldPrune(trial: TrialRecord, step: Int, trials: [TrialRecord], direction: Direction) -> Bool
}
