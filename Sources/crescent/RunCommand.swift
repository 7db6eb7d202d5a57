import ArgumentParser
import Catalog
import CLuaShim
import Experiments
import Foundation
import LuaHost
import RunStore

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a Lua script.",
    discussion: """
      A script that declares an experiment (`local ex = experiment "name"`) has its main run after \
      the script returns, with the final config: `crescent run x.lua with lr=3e-4 hidden='{512,256}' small` \
      applies the named config `small`, then the overrides (values are Lua literals; dotted keys reach \
      into nested tables). Without `with`, the words after the script reach a plain script as `...` \
      and `arg`; an experiment's main never sees them, so an experiment script refuses them \
      (settings go after `with`, words for the script after `--`).
      Crescent's options may stand before the script, after it and among the `with` words \
      (`crescent run x.lua with lr=1 --seed 7`). Everything after `--` goes to the script untouched \
      (`crescent run x.lua with lr=1 -- --verbose`); any other word that looks like an option and \
      is not Crescent's is an error. `--allow` and `--plugin` given more than once add up.

      Scripts run in a sandbox: no io, no os.execute, no debug, no loading of files or bytecode, \
      unless --trust (or a finer --allow) is given. Files: a script reads only under its own \
      folder, the working directory, CRESCENT_DATA and --allow-read folders, and writes only under \
      the working directory (or --out) and --allow-write folders, unless --trust is given. \
      Ctrl-C (or SIGTERM) stops a running script cleanly.

      Every run is recorded in the run store (crescent.db in the runs folder, or --store, or \
      CRESCENT_STORE): its config and overrides, the script and its hash, every run:log and fit \
      metric, artifacts, the result or error, and what it printed. `crescent runs` lists them; \
      --no-record skips the recording.
      """
  )

  @Argument(help: "The script to run.") var script: String
  @Argument(parsing: .captureForPassthrough, help: ArgumentHelp(
    "`with` followed by named configs and key=value overrides, or arguments passed to the script as `...` and `arg`; after `--`, arguments for the script.",
    valueName: "arguments"))
  var arguments: [String] = []
  @OptionGroup var options: RunOptions

  /// Takes Crescent's options out of the words after the script (into `options`), leaving
  /// the other words, then `--` and what follows it.
  mutating func validate() throws {
    let split = try OptionWords(arguments, valued: RunOptions.valued, flags: RunOptions.flags)
    if split.helpRequested { throw CleanExit.helpRequest(self) }
    if !split.options.isEmpty {  // parsing costs about a millisecond: only when there is something to parse
      let later: RunOptions
      do { later = try RunOptions.parse(split.options) } catch { throw ValidationError(RunOptions.message(for: error)) }
      options = options.merged(with: later)
    }
    arguments = split.words + (split.terminated ? ["--"] + split.passthrough : [])
  }

  func run() throws {
    let split = try OptionWords(arguments, valued: [], flags: [])
    var scriptArguments = split.words + split.passthrough
    var runner = ExperimentRunner()
    runner.cliSeed = options.seed
    runner.printConfig = options.printConfig
    runner.runsDirectory = options.runsDir ?? "runs"
    if split.words.first == "with" {
      do { runner.with = try WithArguments(Array(split.words.dropFirst())) } catch let e as ConfigError { fail(e.message) }
      scriptArguments = split.passthrough
    } else {
      runner.scriptWords = split.words
    }
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
      fail("\(script): \(e.message)")
    }
    if !options.noRecord && !options.printConfig {
      let path = RunRecorderSetup.storePath(option: options.store, runsDirectory: runner.runsDirectory)
      do {
        recorder = try RunRecorderSetup(storePath: path, script: script, seed: provisional,
                                        runsDirectory: runner.runsDirectory, with: runner.with)
      } catch { fail("\(error)") }
      // The store is written by the host, not through the script's file rules: its folder is
      // not granted to the script (a store in the home folder must not open the home folder).
      recorder?.attach(to: session, runner: &runner)
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

  private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("crescent: " + message + "\n").utf8))
    Foundation.exit(1)
  }
}
