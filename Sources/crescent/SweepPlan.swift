import Catalog
import Experiments
import Foundation
import LuaHost
import Sweeps

/// What `crescent sweep script.lua` will search, read from the script before any trial runs:
/// the experiment's name, its config's keys, the space its `ex:sweep` declares with the
/// `--space`, `--objective` and `--direction` entries of the command line applied.
struct SweepPlan {
  var experiment: String
  var space: SearchSpace

  /// Runs the script's chunk (not its main) in a state of its own to read its declaration.
  static func read(script: String, with: WithArguments, options: SweepOptions) throws -> SweepPlan {
    var stateOptions = try options.sandbox.stateOptions()
    stateOptions.output = { _ in }
    RunExecution.prepareProcess()
    let session = Session(catalog: try options.pluginOptions.catalog(command: "sweep"), output: OutputSink(isTerminal: false, write: { _ in }))
    let state = LuaState(session: session, options: stateOptions)
    var runner = ExperimentRunner()
    runner.with = with
    let overrides: [(key: String, value: Value)]
    do { overrides = try runner.overrides(state: state) } catch let e as ConfigError { throw SweepError("\(script): \(e.message)") }
    do { try state.runFile(script) } catch let e as ScriptError { throw SweepError(e.message) }
    guard let declaration = try state.experimentDeclaration() else {
      throw SweepError("\(script): a sweep needs a script that declares an experiment (local ex = experiment \"name\") with a main")
    }
    guard declaration.hasMain else {
      throw SweepError("\(script): experiment '\(declaration.name)' has no main: add ex:main(function(cfg, run) ... end)")
    }
    let config: Config
    do {
      config = try declaration.config(named: with.named, overrides: overrides, cliSeed: nil, drawSeed: { 0 })
    } catch let e as ConfigError { throw SweepError("\(script): \(e.message)") }
    let space = try SweepPlan.space(declared: declaration.sweep, options: options, script: script)
    do { try space.validate(configKeys: config.dottedKeys) } catch let e as SweepError {
      throw SweepError("\(script): \(e.message)")
    }
    return SweepPlan(experiment: declaration.name, space: space)
  }

  /// The declared space with the command line's entries: a `--space key=...` replaces the
  /// declared parameter of that key, or is added after the others.
  static func space(declared: SearchSpace?, options: SweepOptions, script: String) throws -> SearchSpace {
    var space = declared ?? SearchSpace(parameters: [], objective: "", direction: .minimize)
    for text in options.space {
      let p = try SweepPlan.parameter(text)
      if let i = space.parameters.firstIndex(where: { $0.key == p.key }) { space.parameters[i] = p } else { space.parameters.append(p) }
    }
    let declaredObjective = !space.objective.isEmpty
    if let objective = options.objective { space.objective = objective }
    guard !space.objective.isEmpty else {
      throw SweepError("\(script): the sweep has no objective: declare it in ex:sweep{ objective = \"val_loss\", direction = \"minimize\" } or give --objective and --direction")
    }
    if let direction = options.direction.flatMap(Direction.init(rawValue:)) {
      space.direction = direction
    } else if !declaredObjective {
      throw SweepError("\(script): the sweep optimises '\(space.objective)' but does not say which way: give --direction minimize or --direction maximize")
    }
    if space.parameters.isEmpty {
      throw SweepError("\(script): the search space has no parameters: declare them with ex:sweep{...} or give --space 'key=distribution'")
    }
    return space
  }

  /// One `--space` entry: `key=distribution`.
  static func parameter(_ text: String) throws -> SweepParameter {
    guard let eq = text.firstIndex(of: "=") else {
      throw SweepError("--space '\(text)': expected key=distribution, such as lr=loguniform(1e-4, 1e-1)")
    }
    let key = text[..<eq].trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else { throw SweepError("--space '\(text)': the key before '=' is missing") }
    let distribution: Distribution
    do { distribution = try Distribution(parsing: String(text[text.index(after: eq)...])) } catch let e as SweepError {
      throw SweepError("--space '\(key)': \(e.message)")
    }
    return SweepParameter(key: key, distribution: distribution)
  }

}
