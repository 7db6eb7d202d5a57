import ArgumentParser
import Sweeps

/// `crescent sweep`'s own options. As with `crescent run`, they may stand before the script,
/// after it and among the `with` words.
struct SweepOptions: ParsableArguments {
  @Option(help: "The study's name (default: the experiment's name). A study that exists is continued.") var study: String?
  @Option(help: ArgumentHelp("How trials choose their parameters: \(Samplers.names.joined(separator: ", ")) (default: random, or grid when it is asked for).", valueName: "name"))
  var sampler: String?
  @Option(help: ArgumentHelp("What stops trials that fall behind: \(Pruners.names.joined(separator: ", ")) (default: none).", valueName: "name"))
  var pruner: String?
  @Option(help: "How many finished trials the study should have (COMPLETE, PRUNED and FAILED count); default 10, or the grid's size.")
  var trials: Int?
  @Option(help: "Worker processes running trials at once (default 1: trials run in this process).") var workers: Int = 1
  @Option(help: ArgumentHelp("A parameter of the search space, added to the script's ex:sweep or replacing its entry: 'lr=loguniform(1e-4, 1e-1)'; repeatable.", valueName: "key=distribution"))
  var space: [String] = []
  @Option(help: "The metric (or result key) the study optimises, when the script's ex:sweep names none or to replace it.") var objective: String?
  @Option(help: "minimize or maximize the objective.") var direction: String?
  @Option(help: "The study's seed: the sampler and the trials' run seeds derive from it (default: drawn at random; a continued study keeps its own).") var seed: UInt64?
  @Option(help: ArgumentHelp("Join the existing study NAME as a worker (its script, settings and space come from the store).", valueName: "NAME"))
  var join: String?
  @Option(help: "Where the study lives: a run store file (default: CRESCENT_STORE, else crescent.db in the runs folder) or postgres://user:password@host:port/database.")
  var store: String?
  @Option(help: "The folder runs write their artifacts under (runs/<id>/; default: runs).") var runsDir: String?
  @Option(help: ArgumentHelp("Seconds between a running trial's heartbeats (default 5).", valueName: "seconds")) var heartbeat: Double?
  @Option(help: ArgumentHelp("Seconds after which a trial whose heartbeat stopped goes back to the queue (default 30).", valueName: "seconds"))
  var staleAfter: Double?
  @Flag(help: .hidden) var worker = false
  @OptionGroup var sandbox: SandboxOptions
  @OptionGroup var pluginOptions: PluginOptions

  static let valued: Set<String> = ["--study", "--sampler", "--pruner", "--trials", "--workers", "--space", "--objective", "--direction",
                                    "--seed", "--join", "--store", "--runs-dir", "--heartbeat", "--stale-after",
                                    "--allow", "--allow-read", "--allow-write", "--out", "--timeout", "--max-memory", "--plugin"]
  static let flags: Set<String> = ["--trust", "--worker"]

  func validate() throws {
    if let trials, trials < 1 { throw ValidationError("--trials expects a count of trials (1 or more), got \(trials)") }
    if workers < 1 { throw ValidationError("--workers expects a count of processes (1 or more), got \(workers)") }
    if let seed, seed > UInt64(Int.max) { throw ValidationError("--seed expects an integer from 0 to \(Int.max), got \(seed)") }
    if let direction, Direction(rawValue: direction) == nil {
      throw ValidationError("--direction expects minimize or maximize, got '\(direction)'")
    }
    for (name, v) in [("--heartbeat", heartbeat), ("--stale-after", staleAfter)] {
      if let v, !(v > 0) || !v.isFinite { throw ValidationError("\(name) expects a positive number of seconds, got \(v)") }
    }
    if let sampler { do { _ = try Samplers.named(sampler, seed: 0) } catch { throw ValidationError("--sampler: \(error)") } }
    if let pruner { do { _ = try Pruners.named(pruner) } catch { throw ValidationError("--pruner: \(error)") } }
  }

  /// These options, each replaced by `later`'s where `later` gives it (lists add up).
  func merged(with later: SweepOptions) -> SweepOptions {
    var m = self
    m.study = later.study ?? study
    m.sampler = later.sampler ?? sampler
    m.pruner = later.pruner ?? pruner
    m.trials = later.trials ?? trials
    if later.workers != 1 { m.workers = later.workers }
    m.space = space + later.space
    m.objective = later.objective ?? objective
    m.direction = later.direction ?? direction
    m.seed = later.seed ?? seed
    m.join = later.join ?? join
    m.store = later.store ?? store
    m.runsDir = later.runsDir ?? runsDir
    m.heartbeat = later.heartbeat ?? heartbeat
    m.staleAfter = later.staleAfter ?? staleAfter
    m.worker = worker || later.worker
    m.sandbox = sandbox.merged(with: later.sandbox)
    m.pluginOptions.plugins = pluginOptions.plugins + later.pluginOptions.plugins
    return m
  }

  var timing: SweepTiming {
    var t = SweepTiming()
    if let heartbeat { t.heartbeat = heartbeat }
    if let staleAfter { t.staleAfter = staleAfter }
    return t
  }

  /// Whether the study lives in PostgreSQL.
  var isPostgres: Bool { StudyStores.isPostgres(store) }

  /// The run store trials are recorded in: --store when it is a file, else the default one.
  var runStorePath: String {
    RunRecorderSetup.storePath(option: isPostgres ? nil : store, runsDirectory: runsDir ?? "runs")
  }

  /// The options each trial's run takes: the sandbox, the runs folder and store, the plugins.
  func runOptions() throws -> RunOptions {
    var o = try RunOptions.parse([])
    o.sandbox = sandbox
    o.runsDir = runsDir
    o.store = runStorePath
    o.pluginOptions = pluginOptions
    return o
  }

  /// The words that give a worker process the same sandbox, folders, store and timing.
  var workerWords: [String] {
    var w: [String] = []
    if sandbox.trust { w.append("--trust") }
    for a in sandbox.allow { w += ["--allow", a] }
    for p in sandbox.allowRead { w += ["--allow-read", p] }
    for p in sandbox.allowWrite { w += ["--allow-write", p] }
    if let out = sandbox.out { w += ["--out", out] }
    if let t = sandbox.timeout { w += ["--timeout", "\(t)"] }
    if let m = sandbox.maxMemory { w += ["--max-memory", "\(m)"] }
    for p in pluginOptions.plugins { w += ["--plugin", p] }
    if let runsDir { w += ["--runs-dir", runsDir] }
    if let heartbeat { w += ["--heartbeat", "\(heartbeat)"] }
    if let staleAfter { w += ["--stale-after", "\(staleAfter)"] }
    return w
  }
}
