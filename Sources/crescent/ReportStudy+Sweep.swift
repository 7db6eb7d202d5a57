import Reports
import Sweeps

extension ReportStudy {
  /// What a study's report shows, from the study as its store keeps it.
  init(_ info: StudyInfo, trials: [TrialRecord]) {
    let spec = info.spec
    let parameters = spec.space.parameters.map { p -> ReportParameter in
      let kind: ReportParameter.Kind
      switch p.distribution {
      case .uniform(let low, let high, _): kind = .numeric(low: low, high: high, integer: false)
      case .logUniform(let low, let high): kind = .log(low: low, high: high, integer: false)
      case .integer(let low, let high, _, let log):
        kind = log ? .log(low: Double(low), high: Double(high), integer: true) : .numeric(low: Double(low), high: Double(high), integer: true)
      case .choice(let options):
        kind = .categorical(options.map { o in if case .string(let s) = o { return s } else { return o.description } })
      }
      let text = String(p.description.dropFirst(p.key.count + 1))
      return ReportParameter(name: p.key, kind: kind, text: text)
    }
    let reportTrials = trials.map { t in
      ReportTrial(number: t.number, state: ReportTrial.State(rawValue: t.state.rawValue) ?? .failed, value: t.value,
                  params: t.params, step: t.lastStep, runID: t.runID)
    }
    self.init(name: spec.name, experiment: spec.experiment, objective: spec.space.objective,
              direction: spec.space.direction == .minimize ? .minimize : .maximize, sampler: spec.sampler, pruner: spec.pruner,
              parameters: parameters, trials: reportTrials)
  }
}
