import ArgumentParser
import Catalog
import Experiments
import Foundation
import RunStore
import Sweeps

/// One invocation of `crescent sweep`: the study opened (or joined), then trials run in this
/// process or in worker processes, with progress printed as trials finish.
struct Sweep {
  let options: SweepOptions
  let store: SerializedStudyStore
  let study: StudyInfo
  let target: Int
  /// Whether this process made the study (rather than continuing it).
  var created = false
  /// What came before: finished trials when this invocation started.
  var finishedBefore = 0

  /// Starts or continues the study of `script`.
  init(script: String, withWords: [String], options: SweepOptions) throws {
    self.options = options
    let with: WithArguments
    do { with = try WithArguments(withWords) } catch let e as ConfigError { throw SweepError(e.message) }
    let plan = try SweepPlan.read(script: script, with: with, options: options)
    let sampler = options.sampler ?? "random"
    let spec = StudySpec(name: options.study ?? plan.experiment, experiment: plan.experiment, script: script, with: withWords,
                         space: plan.space, sampler: sampler, pruner: options.pruner ?? "none",
                         seed: options.seed ?? UInt64.random(in: 0..<(1 << 31)))
    // A space the sampler cannot take (a grid over a continuous parameter) is refused before
    // the study is made: the first trial's parameters are drawn once, and dropped.
    let chosen = try Samplers.named(sampler, seed: spec.seed)
    do { _ = try chosen.sample(space: plan.space, trials: [], number: 0) } catch let e as SweepError {
      throw SweepError("\(script): \(e.message)")
    }
    let capacity = chosen.capacity(space: plan.space)
    store = SerializedStudyStore(try StudyStores.open(options))
    let existing = try store.studies().contains { $0.spec.name == spec.name }
    study = try store.open(spec)
    created = !existing
    target = try Sweep.target(options.trials, capacity: capacity)
    finishedBefore = try store.trials(study: study.id).filter(\.state.isFinished).count
  }

  /// Joins the study `options.join` as a worker.
  init(joining options: SweepOptions) throws {
    self.options = options
    store = SerializedStudyStore(try StudyStores.open(options))
    study = try store.study(named: options.join!)
    let capacity = try Samplers.named(study.spec.sampler, seed: study.spec.seed).capacity(space: study.spec.space)
    target = try Sweep.target(options.trials, capacity: capacity)
    finishedBefore = try store.trials(study: study.id).filter(\.state.isFinished).count
  }

  /// `--trials`, else 10 (a grid: its size); never more than a grid has points.
  static func target(_ trials: Int?, capacity: Int?) throws -> Int {
    guard let capacity else { return trials ?? 10 }
    guard capacity > 0 else { throw SweepError("the grid has no points") }
    return min(trials ?? capacity, capacity)
  }

  mutating func run() throws {
    let spec = study.spec
    let quiet = options.worker
    if !quiet {
      let state = created ? "new study" : "study"
      say("\(state) '\(spec.name)' in \(options.isPostgres ? "PostgreSQL" : options.runStorePath): \(spec.sampler) sampler, pruner \(spec.pruner), seed \(study.spec.seed), \(spec.space.direction.rawValue) \(spec.space.objective)")
      if let asked = options.trials, asked > target { say("the grid has \(target) points: \(target) trials") }
      say("\(finishedBefore) of \(target) trials finished; FAILED trials count too" + (options.join != nil ? "" : ""))
    }
    let end: SweepWorker.End
    if options.workers > 1 {
      end = try SweepWorkers(sweep: self).run()
    } else {
      end = try runInProcess(printing: !quiet)
    }
    if quiet { if end == .interrupted { throw ExitCode(130) } else { return } }
    let trials = try store.trials(study: study.id)
    let finished = trials.filter(\.state.isFinished)
    let counts = TrialState.allCases.filter(\.isFinished).map { s in "\(trials.filter { $0.state == s }.count) \(s.rawValue)" }
    say("\(finished.count) of \(target) trials finished (\(counts.joined(separator: ", ")))")
    if let best = SweepProgress.best(trials, direction: spec.space.direction) {
      say("best: trial \(best.number), \(spec.space.objective) = \(SweepProgress.number(best.value!)): \(SweepProgress.params(best, space: spec.space))"
            + (best.runID.map { ", run \($0)" } ?? ""))
    }
    if end == .interrupted {
      say("stopped: interrupted trials are back in the queue; run the same command again to continue the study")
      throw ExitCode(130)
    }
  }

  /// Runs trials here, one after another, printing each as it finishes.
  func runInProcess(printing: Bool) throws -> SweepWorker.End {
    let spec = study.spec
    var runOptions = try options.runOptions()
    runOptions.seed = nil
    let catalog = try options.pluginOptions.catalog(command: "sweep")
    // The machine and the script's git state are read once: every trial of this worker records them.
    let host = RunRecorderSetup.host(script: spec.script)
    let worker = SweepWorker(store: store, study: study, sampler: try Samplers.named(spec.sampler, seed: spec.seed),
                             pruner: try Pruners.named(spec.pruner), target: target, timing: options.timing) { binding in
      try Sweep.runTrial(binding, spec: spec, options: runOptions, catalog: catalog, host: host)
    }
    if printing {
      let store = self.store, study = self.study
      worker.onFinished = { record, failure in
        let trials = (try? store.trials(study: study.id)) ?? [record]
        say(SweepProgress.line(record, failure: failure, space: spec.space, trials: trials))
      }
      worker.onReleased = { trial in say("trial \(trial.number) interrupted: its run is recorded INTERRUPTED, the trial is back in the queue") }
    }
    return try worker.work()
  }
}

extension Sweep {
  /// Carries a trial out as a recorded run of the study's script in this process: the study's
  /// `with` words, then the trial's parameters as overrides; what it prints stays in the store.
  /// `host` is the machine and git state the run records (nil: read as the run starts).
  static func runTrial(_ binding: TrialBinding, spec: StudySpec, options: RunOptions, catalog: Catalog?,
                       host: HostInfo? = nil) throws -> RunExecution.Outcome {
    var execution = RunExecution(script: spec.script, options: options)
    let params = spec.space.values(of: binding.trial.params)
    do {
      execution.with = try WithArguments(spec.with + params.map { "\($0.key)=\($0.value.description)" })
    } catch let e as ConfigError { throw SweepError(e.message) }
    execution.trial = binding
    // The config's own `seed`, `seed=` among the `with` words or a swept `seed` win over it.
    execution.defaultSeed = spec.trialSeed(binding.number)
    execution.echo = false
    execution.catalog = catalog
    execution.host = host
    return try execution.execute()
  }
}

/// Writes a line to standard output at once (progress lines appear as trials finish).
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
