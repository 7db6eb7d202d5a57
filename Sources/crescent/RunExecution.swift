import ArgumentParser
import Catalog
import CLuaShim
import Experiments
import Foundation
import LuaHost
import RunStore

/// One run of a script as `crescent run` makes it, or as `crescent resume` makes it again: the
/// script, its settings, the recording, and how the run ends.
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

  init(script: String, options: RunOptions) {
    self.script = script
    self.options = options
  }

  func run() throws {
    var runner = ExperimentRunner()
    runner.cliSeed = options.seed
    runner.printConfig = options.printConfig
    runner.runsDirectory = resuming?.runsDirectory ?? options.runsDir ?? "runs"
    if let with { runner.with = with } else { runner.scriptWords = scriptWords }
    var stateOptions = try options.sandbox.stateOptions()
    var recorder: RunRecorderSetup?
    let write: (String) -> Void = { text in
      FileHandle.standardOutput.write(Data(text.utf8))
      recorder?.recording.capture(stdout: text)
    }
    stateOptions.output = write
    crescent_install_sigint_handler()
    crescent_install_sigterm_handler()
    LuaState.startWatchdog()
    let session = Session(catalog: try options.pluginOptions.catalog(command: "run"),
                          output: OutputSink(isTerminal: isatty(STDOUT_FILENO) != 0, write: write))
    let state = LuaState(session: session, options: stateOptions)
    // Runs keep their records and artifacts under the runs folder, wherever it is.
    session.files = session.files.granting(write: [FilePolicy.Root(runner.runsDirectory, origin: "--runs-dir")])
    let provisional: UInt64
    do {
      _ = try runner.overrides(state: state)  // values that do not parse fail before the script runs
      provisional = runner.provisionalSeed(state: state) ?? UInt64.random(in: 0..<(1 << 31))
    } catch let e as ConfigError {
      RunExecution.fail("\(script): \(e.message)")
    }
    if let resuming {
      do {
        recorder = try RunRecorderSetup(storePath: resuming.storePath, reopening: resuming.id, with: runner.with)
      } catch { RunExecution.fail("\(error)") }
      session.resuming = true
    } else if !options.noRecord && !options.printConfig {
      let path = RunRecorderSetup.storePath(option: options.store, runsDirectory: runner.runsDirectory)
      do {
        recorder = try RunRecorderSetup(storePath: path, script: script, seed: provisional,
                                        runsDirectory: runner.runsDirectory, with: runner.with)
      } catch { RunExecution.fail("\(error)") }
    }
    if let recorder {
      recorder.attach(to: session, runner: &runner)
      // A recorded run's checkpoints live with its artifacts, where a resume finds them.
      session.checkpointFolder = ((runner.runsDirectory as NSString).appendingPathComponent(recorder.recording.runID) as NSString)
        .appendingPathComponent("checkpoints")
      // The store is written by the host, not through the script's file rules: its folder is
      // not granted to the script (a store in the home folder must not open the home folder).
    }
    let report: (String) -> Void = { text in
      FileHandle.standardError.write(Data(text.utf8))
      recorder?.recording.capture(stderr: text)
    }
    /// Records how the run ended; a store that fails makes the run fail.
    func finish(_ status: RunStatus, _ error: String? = nil, traceback: String? = nil) {
      do { try recorder?.finish(status, error: error, traceback: traceback, state: state) } catch {
        FileHandle.standardError.write(Data("crescent: \(error)\n".utf8))
        Foundation.exit(1)
      }
    }
    do {
      session.random = RandomContext(rootSeed: provisional)
      try state.runFile(script, arguments: scriptArguments)
      switch try runner.run(state: state, output: write) {
      case .printedConfig(let text): write(text)
      case .noExperiment, .completed: break
      }
      finish(.completed)
    } catch let e as ScriptError {
      report("crescent: " + e.description + "\n")
      finish(e.kind == .interrupted ? .interrupted : .failed, e.message, traceback: e.traceback)
      switch e.kind {
      case .interrupted: throw ExitCode(130)
      case .timeout: throw ExitCode(124)
      default: throw ExitCode(1)
      }
    } catch let e as ConfigError {
      report("crescent: \(script): \(e.message)\n")
      finish(.failed, e.message)
      Foundation.exit(1)
    }
  }

  /// Reports `crescent: <message>` and exits with status 1.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("crescent: " + message + "\n").utf8))
    Foundation.exit(1)
  }
}
