import Foundation

/// Asynchronous successive halving (ASHA). Rung k is reached at step
/// `minResource · reductionFactor^(minEarlyStoppingRate + k)`; a trial reaching a rung goes on
/// only when its value there is among the best 1/`reductionFactor` of the values every trial
/// had on reaching that rung (itself included), else it stops. Without a `minResource`, it is
/// estimated from the completed trials as a hundredth of their longest run (at least 1), and
/// nothing is pruned before a trial completes. A trial's value at a rung is the one it reported
/// at its first step at or past the rung, so the rungs are read from the trials' reports
/// whichever worker made them.
public struct SuccessiveHalvingPruner: Pruner {
  public var minResource: Int?
  public var reductionFactor: Int
  public var minEarlyStoppingRate: Int
  public var name: String { "asha" }

  public init(minResource: Int? = nil, reductionFactor: Int = 4, minEarlyStoppingRate: Int = 0) {
    self.minResource = minResource
    self.reductionFactor = reductionFactor
    self.minEarlyStoppingRate = minEarlyStoppingRate
  }

  /// A hundredth of the longest completed trial's last step, at least 1; nil before any completes.
  static func estimatedMinResource(_ trials: [TrialRecord]) -> Int? {
    trials.filter { $0.state == .complete }.compactMap(\.lastStep).max().map { max($0 / 100, 1) }
  }

  /// The step rung `k` is reached at.
  func promotionStep(_ k: Int, minResource: Int) -> Int {
    var step = minResource
    for _ in 0..<(minEarlyStoppingRate + k) {
      let (next, overflow) = step.multipliedReportingOverflow(by: reductionFactor)
      if overflow { return .max }
      step = next
    }
    return step
  }

  /// The value a trial reported on reaching `rungStep`: at its first step at or past it.
  static func value(of t: TrialRecord, reaching rungStep: Int) -> Double? {
    t.intermediate.keys.filter { $0 >= rungStep }.min().flatMap { t.intermediate[$0] }
  }

  public func shouldPrune(trial: TrialRecord, step: Int, trials: [TrialRecord], direction: Direction) -> Bool {
    guard let value = trial.intermediate[step],
          let resource = minResource ?? SuccessiveHalvingPruner.estimatedMinResource(trials) else { return false }
    let previous = trial.intermediate.keys.filter { $0 < step }.max() ?? -1
    var rung = 0
    while promotionStep(rung, minResource: resource) <= previous { rung += 1 }
    let others = trials.filter { $0.number != trial.number }
    while true {
      let rungStep = promotionStep(rung, minResource: resource)
      guard step >= rungStep else { return false }
      if value.isNaN { return true }
      var competing = others.compactMap { SuccessiveHalvingPruner.value(of: $0, reaching: rungStep) }
      competing.append(value)
      guard SuccessiveHalvingPruner.promotable(value, competing, reductionFactor: reductionFactor, direction: direction) else {
        return true
      }
      rung += 1
    }
  }

  /// Whether `value` is among the best 1/reductionFactor of `competing` (at least the best one).
  static func promotable(_ value: Double, _ competing: [Double], reductionFactor: Int, direction: Direction) -> Bool {
    let index = max(competing.count / reductionFactor - 1, 0)
    let sorted = competing.sorted()
    return direction == .maximize ? value >= sorted[sorted.count - 1 - index] : value <= sorted[index]
  }
}
