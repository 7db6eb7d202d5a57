import Catalog

/// What fit tells a sweep's trial after each epoch: the epoch's value of the trial's objective,
/// when the epoch's logs hold it under the name the fit's series take (`val_f1_micro`, or with
/// the fit's log prefix, `fold1/val_f1_micro`), at step = the epoch's number (from 1).
enum TrialReporting {
  /// Reports the objective's value, if the logs hold it; throws `TrialPruned` when the trial's
  /// pruner stops it (the fit ends with this epoch).
  static func report(_ logs: Logs, epoch: Int, prefix: String, to trial: TrialReporter) throws {
    let objective = trial.objective
    guard objective.hasPrefix(prefix), let value = logs[String(objective.dropFirst(prefix.count))] else { return }
    if try trial.report(step: epoch, value: value) { throw TrialPruned(step: trial.prunedAt ?? epoch) }
  }
}
