import Catalog
import Foundation
import Sweeps

/// The trial of a study a run carries out, as the run's session sees it: each value the run
/// reports (`run:report`, fit's epochs) is written to the study's store, then the study's
/// pruner is asked, with every trial of the study, whether the trial should stop.
final class StudyTrialReporter: TrialReporter {
  let store: StudyStore
  let study: Int64
  let number: Int
  let objective: String
  let direction: Direction
  let pruner: Pruner?
  private(set) var prunedAt: Int?
  /// The last value reported, and its step.
  private(set) var last: (step: Int, value: Double)?

  init(store: StudyStore, study: Int64, number: Int, objective: String, direction: Direction, pruner: Pruner?) {
    self.store = store
    self.study = study
    self.number = number
    self.objective = objective
    self.direction = direction
    self.pruner = pruner
  }

  func report(step: Int, value: Double) throws -> Bool {
    if prunedAt != nil { return true }
    try store.report(study: study, trial: number, step: step, value: value)
    last = (step, value)
    guard let pruner else { return false }
    let trials = try store.trials(study: study)
    guard let me = trials.first(where: { $0.number == number }) else { return false }
    if pruner.shouldPrune(trial: me, step: step, trials: trials, direction: direction) {
      prunedAt = step
      return true
    }
    return false
  }
}
