import Catalog

extension Run {
  /// The series `run:report` logs into.
  public static let reportSeries = "objective"

  /// An intermediate value of the objective: logged as the series `objective` at `step`, and
  /// reported to `trial` when the run carries out a sweep's trial. Throws `TrialPruned` when
  /// the trial's pruner stops it (the run stops there).
  public func report(step: Int, value: Double, to trial: TrialReporter?) throws {
    guard step >= 0 else { throw CatalogError("argument 1 ('step') expects a non-negative integer, got \(step)") }
    guard value.isFinite else { throw CatalogError("argument 2 ('value') expects a finite number, got \(value)") }
    if let pruned = trial?.prunedAt { throw TrialPruned(step: pruned) }
    try log(Run.reportSeries, value, step: step)
    if let trial, try trial.report(step: step, value: value) { throw TrialPruned(step: trial.prunedAt ?? step) }
  }
}
