import Foundation
import Sweeps

/// How a sweep shows trials: one line a trial as it finishes, the best trial so far.
enum SweepProgress {
  /// `trial 3: lr=0.00123, hidden=256 -> 0.8123; best 0.8123 (trial 3)`.
  static func line(_ t: TrialRecord, failure: TrialFailure?, space: SearchSpace, trials: [TrialRecord]) -> String {
    var text = "trial \(t.number): \(params(t, space: space)) -> "
    switch t.state {
    case .complete: text += t.value.map(number) ?? "?"
    case .pruned: text += "PRUNED" + (t.lastStep.map { " at step \($0)" } ?? "") + (t.value.map { " (\(number($0)))" } ?? "")
    case .failed: text += "FAILED" + (failure.map { ": \($0.message)" } ?? "")
    case .waiting, .running: text += t.state.rawValue
    }
    if let best = best(trials, direction: space.direction), let v = best.value {
      text += "; best \(number(v)) (trial \(best.number))"
    }
    return text
  }

  /// The complete trial with the best value (the first such, when tied).
  static func best(_ trials: [TrialRecord], direction: Direction) -> TrialRecord? {
    var best: TrialRecord?
    for t in trials.sorted(by: { $0.number < $1.number }) where t.state == .complete {
      guard let v = t.value else { continue }
      if let b = best?.value, !direction.better(v, than: b) { continue }
      best = t
    }
    return best
  }

  /// The trial's parameters as `key=value`, in the space's order.
  static func params(_ t: TrialRecord, space: SearchSpace) -> String {
    space.values(of: t.params).map { "\($0.key)=\(value($0.value))" }.joined(separator: ", ")
  }

  /// A parameter's value, numbers to four significant digits.
  static func value(_ v: SweepValue) -> String {
    if case .number(let d) = v { return short(d) }
    return v.description
  }

  /// An objective value to six significant digits.
  static func number(_ d: Double) -> String { String(format: "%.6g", d) }

  static func short(_ d: Double) -> String { String(format: "%.4g", d) }
}
