import Foundation
import Reports
import RunStore
import Sweeps

/// A study as text (`crescent sweep show`): its settings, its best trial, a table of trials.
enum StudyTable {
  static func render(_ info: StudyInfo, trials: [TrialRecord], runs: RunStore?) -> String {
    let spec = info.spec
    var text = "study \(spec.name): experiment \(spec.experiment), script \(spec.script)"
      + (spec.with.isEmpty ? "" : " with \(spec.with.joined(separator: " "))") + "\n"
    text += "\(spec.sampler) sampler, pruner \(spec.pruner), seed \(spec.seed), \(spec.space.direction.rawValue) \(spec.space.objective)\n"
    text += "space: " + spec.space.parameters.map(\.description).joined(separator: "; ") + "\n"
    let counts = TrialState.allCases.compactMap { s -> String? in
      let n = trials.filter { $0.state == s }.count
      return n == 0 ? nil : "\(n) \(s.rawValue)"
    }
    text += "trials: \(trials.count)" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))") + "\n"
    if let best = SweepProgress.best(trials, direction: spec.space.direction), let v = best.value {
      text += "best: trial \(best.number), \(spec.space.objective) = \(SweepProgress.number(v))" + (best.runID.map { ", run \($0)" } ?? "") + "\n"
      for (key, value) in spec.space.values(of: best.params) { text += "  \(key) = \(value.description)\n" }
    }
    guard !trials.isEmpty else { return text }
    let keys = spec.space.parameters.map(\.key)
    var rows = [["trial", "state", "value", "step", "run", "worker"] + keys]
    for t in trials.sorted(by: { $0.number < $1.number }) {
      let values = Dictionary(spec.space.values(of: t.params).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      rows.append(["\(t.number)", t.state.rawValue, t.value.map(SweepProgress.number) ?? "-",
                   t.state == .pruned ? (t.lastStep.map(String.init) ?? "-") : "-", t.runID ?? "-", t.worker ?? "-"]
                  + keys.map { k in values[k].map(SweepProgress.value) ?? "-" })
    }
    text += "\n" + RunTable.grid(rows)
    let failed = trials.filter { $0.state == .failed }.sorted { $0.number < $1.number }
    for t in failed {
      if let why = TrialFailure.reason(of: t, runs: runs, objective: spec.space.objective) {
        text += "trial \(t.number) failed: \(why.message)\n"
      }
    }
    return text
  }

  /// Writes the study's HTML report to `path`.
  static func writeReport(_ info: StudyInfo, trials: [TrialRecord], to path: String) throws {
    try StudyReport(study: ReportStudy(info, trials: trials)).write(to: path)
  }
}
