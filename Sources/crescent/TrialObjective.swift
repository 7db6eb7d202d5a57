import Catalog
import Experiments

/// A finished run's objective value: the last value the run logged under the objective's name
/// (fit's epoch metrics, `run:log`), else the objective's key in the table main returned.
enum TrialObjective {
  /// The value, or why there is none (the trial then fails with that reason).
  static func value(of run: Run?, objective: String) -> Result<Double, TrialFailure> {
    guard let run else { return .failure(TrialFailure("the script ran no experiment")) }
    let value: Double
    if let last = run.series[objective]?.last {
      value = last.value
    } else {
      switch run.result?[objective] {
      case .number(let d)?: value = d
      case .integer(let i)?: value = Double(i)
      case nil, .none?:
        return .failure(TrialFailure("the run logged no '\(objective)' and its result has no key '\(objective)'"))
      case let other?:
        return .failure(TrialFailure("the result's '\(objective)' is \(other.summary), not a number"))
      }
    }
    guard value.isFinite else { return .failure(TrialFailure("the objective '\(objective)' is \(value)")) }
    return .success(value)
  }
}

/// Why a trial failed, as its progress line and `sweep show` say it.
struct TrialFailure: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
