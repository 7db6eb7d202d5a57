import Sweeps

/// A study's trials as of one revision of it, kept by a study store between calls so that
/// reading every trial (as each new trial's sampler does) reads only what changed since.
struct TrialCache {
  var revision: Int64
  /// The trials by number, and where each number is.
  private(set) var trials: [TrialRecord] = []
  private var index: [Int: Int] = [:]

  init(revision: Int64) { self.revision = revision }

  /// Puts `trial` in, in place of the trial of its number.
  mutating func put(_ trial: TrialRecord) {
    if let i = index[trial.number] { trials[i] = trial; return }
    index[trial.number] = trials.count
    trials.append(trial)
    if trials.count > 1, trials[trials.count - 2].number > trial.number {
      trials.sort { $0.number < $1.number }
      index = Dictionary(uniqueKeysWithValues: trials.enumerated().map { ($0.element.number, $0.offset) })
    }
  }

  mutating func setIntermediate(_ value: Double, step: Int, trial number: Int) {
    if let i = index[number] { trials[i].intermediate[step] = value }
  }
}
