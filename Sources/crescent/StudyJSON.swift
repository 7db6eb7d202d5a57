import Foundation
import Sweeps

/// A study as JSON (`crescent sweep show --json`), for scripts that read studies back: its
/// settings, its best trial, and every trial with the number of values it reported.
enum StudyJSON {
  static func render(_ info: StudyInfo, trials: [TrialRecord]) throws -> String {
    let spec = info.spec
    let sorted = trials.sorted { $0.number < $1.number }
    var counts: [String: Any] = [:]
    for s in TrialState.allCases { counts[s.rawValue] = trials.filter { $0.state == s }.count }
    var object: [String: Any] = [
      "study": spec.name, "experiment": spec.experiment, "script": spec.script,
      "sampler": spec.sampler, "pruner": spec.pruner, "seed": NSNumber(value: spec.seed),
      "objective": spec.space.objective, "direction": spec.space.direction.rawValue,
      "counts": counts, "trials": sorted.map { trial($0, space: spec.space) },
    ]
    if let best = SweepProgress.best(trials, direction: spec.space.direction), best.value != nil {
      object["best"] = trial(best, space: spec.space)
    } else {
      object["best"] = NSNull()
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// One trial: `steps` counts the intermediate values it reported (fit's epochs, `run:report`);
  /// `step` is the last step it reached.
  static func trial(_ t: TrialRecord, space: SearchSpace) -> [String: Any] {
    var params: [String: Any] = [:]
    for (key, value) in space.values(of: t.params) { params[key] = json(value) }
    return [
      "number": t.number, "state": t.state.rawValue, "value": t.value.map { $0 as Any } ?? NSNull(),
      "step": t.lastStep.map { $0 as Any } ?? NSNull(), "steps": t.intermediate.count,
      "run": t.runID.map { $0 as Any } ?? NSNull(), "worker": t.worker.map { $0 as Any } ?? NSNull(),
      "params": params,
    ]
  }

  static func json(_ v: SweepValue) -> Any {
    switch v {
    case .bool(let b): return b
    case .integer(let i): return i
    case .number(let d): return d
    case .string(let s): return s
    case .list(let items): return items.map(json)
    }
  }
}
