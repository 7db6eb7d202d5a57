/// The trial of a sweep a run carries out, as the run sees it: where intermediate values of the
/// objective go (`run:report(step, value)`, and fit's epoch metrics), and whether the study's
/// pruner wants the run stopped. The host makes one for each trial it runs and puts it in the
/// session (`Session.trial`).
public protocol TrialReporter: AnyObject {
  /// The metric the study optimises (`val_f1_micro`): fit reports it after every epoch.
  var objective: String { get }
  /// Records `value` at `step` and returns whether the trial should stop now (pruned). Once it
  /// returned true, `prunedAt` holds the step and stays set.
  func report(step: Int, value: Double) throws -> Bool
  /// Whether the pruner stopped the trial, and at which step.
  var prunedAt: Int? { get }
}
