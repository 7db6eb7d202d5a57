import Catalog
import Experiments
import Foundation
import LuaHost
import RunStore

/// How `crescent run` records a run: opens the store, starts the run's row, tees what the run
/// prints into it, and writes how the run ended.
final class RunRecorderSetup {
  let recording: RunRecording
  /// The experiment's run, once main is about to be called.
  var run: Run?
  let with: WithArguments

  /// The store `crescent run` records into: --store, else CRESCENT_STORE, else the runs folder's.
  static func storePath(option: String?, runsDirectory: String) -> String {
    if let option { return option }
    if let env = ProcessInfo.processInfo.environment["CRESCENT_STORE"], !env.isEmpty { return env }
    return RunStore.defaultPath(runsDirectory: runsDirectory)
  }

  /// Starts recording a run of `script`. `host` is what the run records of the machine (nil:
  /// read now); with `sharedStore`, the store is the one this process keeps open for its path
  /// (a sweep's worker records every trial through one store), else it is opened for this run.
  init(storePath: String, script: String, seed: UInt64, runsDirectory: String, with: WithArguments,
       host: HostInfo? = nil, sharedStore: Bool = false) throws {
    self.with = with
    let store = try sharedStore ? OpenRunStores.store(at: storePath) : RunStore(path: storePath)
    let source = try? String(contentsOfFile: script, encoding: .utf8)
    let start = RunStart(experiment: ((script as NSString).lastPathComponent as NSString).deletingPathExtension,
                         host: host ?? RunRecorderSetup.host(script: script),
                         seed: seed, script: script, source: source, runsDirectory: runsDirectory)
    recording = try RunRecording(store: store, start: start)
  }

  /// The machine, and the git state of the folder holding `script`.
  static func host(script: String) -> HostInfo {
    let folder = (script as NSString).deletingLastPathComponent
    return .current(version: Crescent.version, scriptFolder: folder.isEmpty ? "." : folder)
  }

  /// Reopens the recorded run `id` in the store at `storePath` to continue it.
  init(storePath: String, reopening id: String, with: WithArguments) throws {
    self.with = with
    recording = try RunRecording(store: try RunStore(path: storePath), reopening: id)
  }

  /// Puts the recording into the session (fits of a plain script log to it too) and the runner.
  func attach(to session: Session, runner: inout ExperimentRunner) {
    session.runStore = recording
    let recording = self.recording
    session.runLog = RunLog({ name, value, step in recording.log(name, value, step: step) }, store: { try? recording.flush() })
    runner.runID = recording.runID
    runner.onRun = { [self] run in
      self.run = run
      var overrides: [(key: String, value: Value)] = []
      if !with.named.isEmpty { overrides.append(("with", .list(with.named.map { .string($0) }))) }
      for a in with.assignments { overrides.append((a.key, .string(a.text))) }
      try? recording.update(experiment: run.experiment, seed: run.seed, configJSON: run.config.json,
                            overridesJSON: Value.table(overrides).json)
    }
    recording.startHeartbeat()
  }

  static func isEmpty(_ v: Value) -> Bool {
    switch v {
    case .none: return true
    case .table(let p): return p.isEmpty
    case .list(let items): return items.isEmpty
    default: return false
    }
  }

  /// Writes how the run ended; a store that cannot be written is reported as the run's failure.
  func finish(_ status: RunStatus, error: String? = nil, traceback: String? = nil, state: LuaState) throws {
    let recipes = state.requiredModules.map { ($0.name, Value.string(SHA256.hex(Data($0.source.utf8)))) }
    if !recipes.isEmpty { try? recording.update(recipesJSON: Value.table(recipes).json) }
    var result: String?
    if let value = run?.result, !RunRecorderSetup.isEmpty(value) { result = value.json }
    var info: String?
    if let value = run?.info, !RunRecorderSetup.isEmpty(value) { info = value.json }
    try recording.finish(status, resultJSON: result, infoJSON: info, error: error, traceback: traceback)
  }
}
