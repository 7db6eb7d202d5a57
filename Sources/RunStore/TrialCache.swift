import Sweeps

/// A study's trials as of one revision of it, kept by a study store between calls so that
/// reading every trial (as each new trial's sampler does) reads only what changed since.
struct TrialCache {
  var revision: Int64
  var trials: [Int: TrialRecord]

  /// The trials by number.
  var sorted: [TrialRecord] { trials.values.sorted { $0.number < $1.number } }
}
