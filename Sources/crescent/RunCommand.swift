import ArgumentParser
import Catalog
import CLuaShim
import Experiments
import Foundation
import LuaHost

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a Lua script.",
    discussion: """
      A script that declares an experiment (`local ex = experiment "name"`) has its main run after \
      the script returns, with the final config: `crescent run x.lua with lr=3e-4 hidden='{512,256}' small` \
      applies the named config `small`, then the overrides (values are Lua literals; dotted keys reach \
      into nested tables). Without `with`, extra arguments reach the script as `...` and `arg`.

      Scripts run in a sandbox: no io, no os.execute, no debug, no loading of files or bytecode, \
      unless --trust (or a finer --allow) is given. Ctrl-C stops a running script cleanly.
      """
  )

  @Argument(help: "The script to run.") var script: String
  @Argument(parsing: .captureForPassthrough, help: "`with` followed by named configs and key=value overrides, or arguments passed to the script as `...` and `arg`.")
  var arguments: [String] = []
  @Flag(help: "Open every Lua standard library (io, os, debug, package): only for scripts you trust.")
  var trust = false
  @Option(help: "Open chosen standard libraries without --trust: a comma-separated list of io, os, debug, package.")
  var allow: String?
  @Option(help: "Stop the script after this many seconds.") var timeout: Double?
  @Option(help: "Stop the script when Lua and tensor memory go beyond this many bytes.") var maxMemory: Int?
  @Option(help: "The root seed of the run's random streams (drawn at random when absent).") var seed: UInt64?
  @Flag(help: "Print the experiment's final config, marking what was changed, and exit without running main.")
  var printConfig = false
  @Option(help: "The folder runs write their artifacts under (runs/<id>/).") var runsDir: String = "runs"
  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    var scriptArguments = arguments
    var runner = ExperimentRunner()
    runner.cliSeed = seed
    runner.printConfig = printConfig
    runner.runsDirectory = runsDir
    if scriptArguments.first == "with" {
      var words = Array(scriptArguments.dropFirst())
      if words.contains("--print-config") { runner.printConfig = true; words.removeAll { $0 == "--print-config" } }
      do { runner.with = try WithArguments(words) } catch let e as ConfigError { fail(e.message) }
      scriptArguments = []
    } else if scriptArguments.first == "--print-config" {
      runner.printConfig = true
      scriptArguments.removeFirst()
    }
    var options = LuaState.Options()
    options.trusted = trust
    options.timeout = timeout
    options.maxMemory = maxMemory
    if let allow {
      let names = allow.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      for n in names where !LuaState.Options.allowable.contains(n) {
        let hint = Suggest.closest(to: n, among: LuaState.Options.allowable).map { " (did you mean '\($0)'?)" } ?? ""
        fail("--allow: unknown library '\(n)'\(hint); choose among \(LuaState.Options.allowable.joined(separator: ", "))")
      }
      options.allow = Set(names)
    }
    let write: (String) -> Void = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
    options.output = write
    HostIO.isTerminal = isatty(STDOUT_FILENO) != 0
    crescent_install_sigint_handler()
    let state = LuaState(catalog: try pluginOptions.catalog(command: "run"), options: options)
    do {
      _ = try runner.overrides(state: state)  // values that do not parse fail before the script runs
      let provisional = runner.provisionalSeed(state: state) ?? UInt64.random(in: 0..<(1 << 31))
      RandomContext.current = RandomContext(rootSeed: provisional)
      try state.runFile(script, arguments: scriptArguments)
      switch try runner.run(state: state, output: write) {
      case .printedConfig(let text): write(text)
      case .noExperiment, .completed: break
      }
    } catch let e as ScriptError {
      FileHandle.standardError.write(Data(("crescent: " + e.description + "\n").utf8))
      switch e.kind {
      case .interrupted: throw ExitCode(130)
      case .timeout: throw ExitCode(124)
      default: throw ExitCode(1)
      }
    } catch let e as ConfigError {
      fail("\(script): \(e.message)")
    }
  }

  private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("crescent: " + message + "\n").utf8))
    Foundation.exit(1)
  }
}
