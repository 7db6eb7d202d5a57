import Catalog
import Experiments
import Foundation

/// Runs a script's experiment after its chunk has returned (as Sacred's automain does):
/// builds the final config from the declaration, named configs, overrides and derived values,
/// seeds the session's random streams, points its run log at the run, calls main with the run object and reports.
public struct ExperimentRunner {
  public var with = WithArguments()
  public var cliSeed: UInt64?
  /// The seed a run takes when neither `seed=`, `cliSeed` nor the declared config gives one
  /// (a sweep's trial: derived from the study); nil: drawn at random.
  public var defaultSeed: UInt64?
  public var printConfig = false
  public var runsDirectory = "runs"
  /// Words after the script that are neither `with ...` nor after `--`: the script's `...`,
  /// which an experiment's main never sees, so an experiment refuses them.
  public var scriptWords: [String] = []
  /// The id the run takes (the run store's, when the run is recorded); nil: a fresh one.
  public var runID: String?
  /// Told of the run as soon as it exists (before main), so a host can record how it ends.
  public var onRun: ((Run) -> Void)?

  public init() {}

  public enum Outcome {
    /// The script declared no experiment.
    case noExperiment
    /// `--print-config`: the rendered config.
    case printedConfig(String)
    case completed(Run)
  }

  /// The provisional seed for the script's chunk: `seed=` among the overrides, else --seed.
  public func provisionalSeed(state: LuaState) -> UInt64? {
    guard let a = with.assignments.last(where: { $0.key == ExperimentDeclaration.seedKey }),
          case .integer(let i)? = try? state.parseLiteral(a.text, for: a.key), i >= 0 else { return cliSeed }
    return UInt64(i)
  }

  /// Parses the override values (errors name the override and quote the value).
  /// A seed given both as `--seed` and as `seed=` must be the same seed.
  public func overrides(state: LuaState) throws -> [(key: String, value: Value)] {
    let parsed = try with.assignments.map { ($0.key, try state.parseLiteral($0.text, for: $0.key)) }
    if let cliSeed, let given = parsed.last(where: { $0.0 == ExperimentDeclaration.seedKey }) {
      let same: Bool
      switch given.1 {
      case .integer(let i): same = i >= 0 && UInt64(i) == cliSeed
      case .number(let d): same = d >= 0 && d == Double(cliSeed)
      default: same = false
      }
      if !same {
        throw ConfigError("the seed is given twice, as --seed \(cliSeed) and as seed=\(given.1.literal): give it once")
      }
    }
    return parsed
  }

  public func run(state: LuaState, output: (String) -> Void) throws -> Outcome {
    guard let declaration = try state.experimentDeclaration() else {
      if !with.named.isEmpty || !with.assignments.isEmpty {
        throw ConfigError("'with' needs a script that declares an experiment (local ex = experiment \"name\")")
      }
      return .noExperiment
    }
    if let word = scriptWords.first {
      throw ConfigError("experiment '\(declaration.name)' does not read the words after the script ('\(word)'): "
                        + "settings go after 'with' (with a=2), words for the script after '--'")
    }
    guard declaration.hasMain else {
      throw ConfigError("experiment '\(declaration.name)' has no main: add ex:main(function(cfg, run) ... end)")
    }
    // The search space's keys are checked before anything runs, in every run of the script.
    do { try declaration.checkSweep(named: with.named) } catch let e as ConfigError { throw e } catch {
      throw ScriptError(kind: .config, message: (declaration.sweepPlace.map { $0 + ": " } ?? "") + "\(error)", traceback: nil)
    }
    var config = try declaration.config(named: with.named, overrides: try overrides(state: state), cliSeed: cliSeed,
                                        drawSeed: { defaultSeed ?? UInt64.random(in: 0..<(1 << 31)) })
    try config.replaceRoot(try state.deriveConfig(config.root))
    // Everything a run checks in the final config is checked before it is printed too.
    let seed = try ExperimentDeclaration.seed(of: config)
    if printConfig {
      return .printedConfig(ConfigPrinter.render(config, title: "config of experiment '\(declaration.name)':"))
    }
    state.session.random = RandomContext(rootSeed: seed)
    let run = Run(id: runID ?? Run.newID(), experiment: declaration.name, seed: seed, config: config.root,
                  runsDirectory: URL(fileURLWithPath: runsDirectory, isDirectory: true), recorder: state.session.runStore)
    onRun?(run)
    output("experiment \(declaration.name), seed \(seed)\n")
    let outer = state.session.runLog
    state.session.runLog = RunLog { name, value, step in try? run.log(name, value, step: step) }
    defer { state.session.runLog = outer }
    do {
      let result = try state.runMain(config: config.root, run: run)
      try state.returnFilledTables()
      run.finish(.completed, result: result)
    } catch let e as ScriptError {
      try? state.returnFilledTables()
      run.finish(e.kind == .interrupted ? .interrupted : e.kind == .pruned ? .pruned : .failed, error: e.description)
      throw e
    } catch {
      try? state.returnFilledTables()
      run.finish(.failed, error: "\(error)")
      throw error
    }
    output(RunSummary.render(run))
    return .completed(run)
  }
}
