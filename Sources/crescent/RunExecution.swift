import ArgumentParser
import Catalog
import CLuaShim
import Experiments
import Foundation
import LuaHost
import RunStore

/// One run of a script as `crescent run` makes it, as `crescent resume` makes it again, or as a
/// sweep's worker makes each trial: the script, its settings, the recording, and how the run
/// ends. `execute` never exits the process, so one process can make many runs.
struct RunExecution {
  var script: String
  var options: RunOptions
  /// The `with` words (named configs and overrides), when given.
  var with: WithArguments?
  /// Words after the script that reach a plain script as `...` (an experiment refuses them).
  var scriptWords: [String] = []
  var scriptArguments: [String] = []
  /// The recorded run this one continues (`crescent resume`), reopened in the store.
  var resuming: (storePath: String, id: String, runsDirectory: String)?
  /// The sweep trial the run carries out: its reporter goes into the session, and the run is
  /// recorded with its study and trial number.
  var trial: TrialBinding?
  /// The root seed when neither the `with` words, `--seed` nor the config give one (a trial's
  /// seed, derived from its study's); nil: drawn at random.
  var defaultSeed: UInt64?
  /// Whether what the run prints and reports goes to the terminal too (a sweep's trials keep it
  /// in the run store only).
  var echo = true
  /// The catalog the run's session uses; nil: the standard one with the options' plugins.
  var catalog: Catalog?
  /// The machine and git state the run records; nil: read as the run starts (a sweep's worker
  /// reads them once, for all its trials).
  var host: HostInfo?

  init(script: String, options: RunOptions) {
    self.script = script
    self.options = options
  }

  /// How a run ended.
  struct Outcome {
    var status: RunStatus
    /// The exit status `crescent run` ends with (0, 1, 124 on a timeout, 130 when interrupted).
    var exitCode: Int32
    /// The recorded run's id (nil when it was not recorded).
    var runID: String?
    /// The experiment's run, once main was called: its result.
    var run: Run?
    /// Why it failed, when it did.
    var error: String?
  }

  /// A run that could not start (a store that does not open, a value that does not parse): the
  /// message `crescent: <message>` reports.
  struct Failure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
  }

  /// Ctrl-C and SIGTERM handlers and the watchdog, installed once per process.
  static func prepareProcess() {
    guard !prepared.value else { return }
    prepared.value = true
    crescent_install_sigint_handler()
    crescent_install_sigterm_handler()
    LuaState.startWatchdog()
  }
  private static let prepared = Flag()
  private final class Flag: @unchecked Sendable { var value = false }  // set on the main thread only

  /// `crescent run` and `crescent resume`: the run, then the process's exit status.
  func run() throws {
    let outcome: Outcome
    do { outcome = try execute() } catch let e as Failure { RunExecution.fail(e.message) }
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
  }

  /// Makes the run and says how it ended; what the script did wrong is in the outcome, what
  /// kept the run from starting (or from being recorded) is thrown as a `Failure`.
  func execute() throws -> Outcome {
    var runner = ExperimentRunner()
    runner.cliSeed = options.seed
    runner.defaultSeed = defaultSeed
    runner.printConfig = options.printConfig
    runner.runsDirectory = resuming?.runsDirectory ?? options.runsDir ?? "runs"
    if let with { runner.with = with } else { runner.scriptWords = scriptWords }
    var stateOptions: LuaState.Options
    do { stateOptions = try options.sandbox.stateOptions() } catch { throw Failure("\(error)") }
    var recorder: RunRecorderSetup?
    let echo = self.echo
    let write: (String) -> Void = { text in
      if echo { FileHandle.standardOutput.write(Data(text.utf8)) }
      recorder?.recording.capture(stdout: text)
    }
    stateOptions.output = write
    RunExecution.prepareProcess()
    let session = Session(catalog: try catalog ?? options.pluginOptions.catalog(command: "run"),
                          output: OutputSink(isTerminal: echo && isatty(STDOUT_FILENO) != 0, write: write))
    session.trial = trial?.reporter
    let state = LuaState(session: session, options: stateOptions)
    // Runs keep their records and artifacts under the runs folder, wherever it is.
    session.files = session.files.granting(write: [FilePolicy.Root(runner.runsDirectory, origin: "--runs-dir")])
    let provisional: UInt64
    do {
      _ = try runner.overrides(state: state)  // values that do not parse fail before the script runs
      provisional = runner.provisionalSeed(state: state) ?? defaultSeed ?? UInt64.random(in: 0..<(1 << 31))
    } catch let e as ConfigError {
      throw Failure("\(script): \(e.message)")
    }
    if let resuming {
      do {
        recorder = try RunRecorderSetup(storePath: resuming.storePath, reopening: resuming.id, with: runner.with)
      } catch { throw Failure("\(error)") }
      session.resuming = true
    } else if !options.noRecord && !options.printConfig {
      let path = RunRecorderSetup.storePath(option: options.store, runsDirectory: runner.runsDirectory)
      do {
        recorder = try RunRecorderSetup(storePath: path, script: script, seed: provisional,
                                        runsDirectory: runner.runsDirectory, with: runner.with, host: host,
                                        sharedStore: trial != nil)
      } catch { throw Failure("\(error)") }
    }
    if let recorder {
      recorder.attach(to: session, runner: &runner)
      if let trial { do { try recorder.record(trial: trial) } catch { throw Failure("\(error)") } }
      trial?.started(recorder.recording.runID)
      // A recorded run's checkpoints live with its artifacts, where a resume finds them.
      session.checkpointFolder = ((runner.runsDirectory as NSString).appendingPathComponent(recorder.recording.runID) as NSString)
        .appendingPathComponent("checkpoints")
      // The store is written by the host, not through the script's file rules: its folder is
      // not granted to the script (a store in the home folder must not open the home folder).
    }
    let report: (String) -> Void = { text in
      if echo { FileHandle.standardError.write(Data(text.utf8)) }
      recorder?.recording.capture(stderr: text)
    }
    /// Records how the run ended; a store that fails makes the run fail.
    func finish(_ status: RunStatus, _ error: String? = nil, traceback: String? = nil, exitCode: Int32) throws -> Outcome {
      do { try recorder?.finish(status, error: error, traceback: traceback, state: state) } catch { throw Failure("\(error)") }
      return Outcome(status: status, exitCode: exitCode, runID: recorder?.recording.runID, run: recorder?.run, error: error)
    }
    do {
      session.random = RandomContext(rootSeed: provisional)
      try state.runFile(script, arguments: scriptArguments)
      switch try runner.run(state: state, output: write) {
      case .printedConfig(let text): write(text)
      case .noExperiment, .completed: break
      }
      return try finish(.completed, exitCode: 0)
    } catch let e as ScriptError {
      let status = RunExecution.status(of: e)
      report("crescent: " + e.description + "\n")
      switch e.kind {
      case .interrupted: return try finish(status, e.message, traceback: e.traceback, exitCode: 130)
      case .timeout: return try finish(status, e.message, traceback: e.traceback, exitCode: 124)
      default: return try finish(status, e.message, traceback: e.traceback, exitCode: 1)
      }
    } catch let e as ConfigError {
      report("crescent: \(script): \(e.message)\n")
      return try finish(.failed, e.message, exitCode: 1)
    }
  }

  /// Reports `crescent: <message>` and exits with status 1.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("crescent: " + message + "\n").utf8))
    Foundation.exit(1)
  }
}
