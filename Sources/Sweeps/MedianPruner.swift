import Foundation

/// Stops a trial whose best value so far is worse than the median of the completed trials'
/// values at the step it just reported, once `startupTrials` trials have completed and past
/// `warmupSteps` steps, checking every `interval` steps. Completed trials only make the median
/// (pruned ones stopped early by definition); a NaN best value is pruned.
public struct MedianPruner: Pruner {
  public var startupTrials: Int
  public var warmupSteps: Int
  public var interval: Int
  public var name: String { "median" }

  public init(startupTrials: Int = 5, warmupSteps: Int = 0, interval: Int = 1) {
    self.startupTrials = startupTrials
    self.warmupSteps = warmupSteps
    self.interval = interval
  }

  public func shouldPrune(trial: TrialRecord, step: Int, trials: [TrialRecord], direction: Direction) -> Bool {
    let complete = trials.filter { $0.state == .complete && $0.number != trial.number }
    guard !complete.isEmpty, complete.count >= startupTrials, step >= warmupSteps else { return false }
    // Only the first report at or after each interval step is checked.
    let checkpoint = (step - warmupSteps) / interval * interval + warmupSteps
    let previous = trial.intermediate.keys.filter { $0 != step }.max() ?? -1
    guard previous < checkpoint else { return false }
    let own = trial.intermediate.values.filter { !$0.isNaN }
    guard let best = direction == .minimize ? own.min() : own.max() else { return true }
    let others = complete.compactMap { $0.intermediate[step] }.filter { !$0.isNaN }
    guard !others.isEmpty else { return false }
    let median = MedianPruner.percentile(others, 50)
    return direction == .minimize ? best > median : best < median
  }

  /// The p-th percentile of `values` with linear interpolation between the closest ranks.
  static func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    let position = p / 100 * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }
}
