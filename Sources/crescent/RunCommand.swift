import ArgumentParser
import Catalog
import CLuaShim
import Foundation
import LuaHost

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a Lua script.",
    discussion: """
      Scripts run in a sandbox: no io, no os.execute, no debug, no loading of files or bytecode, \
      unless --trust is given. Ctrl-C stops a running script cleanly.
      """
  )

  @Argument(help: "The script to run.") var script: String
  @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as `...` and `arg`.")
  var arguments: [String] = []
  @Flag(help: "Open every Lua standard library (io, os, debug, package): only for scripts you trust.")
  var trust = false
  @Option(help: "Stop the script after this many seconds.") var timeout: Double?
  @Option(help: "The root seed of the run's random streams (drawn at random when absent).") var seed: UInt64?

  func run() throws {
    let seed = self.seed ?? UInt64.random(in: 0..<(1 << 53))
    RandomContext.current = RandomContext(rootSeed: seed)
    var options = LuaState.Options()
    options.trusted = trust
    options.timeout = timeout
    options.output = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
    HostIO.isTerminal = isatty(STDOUT_FILENO) != 0
    crescent_install_sigint_handler()
    let state = LuaState(options: options)
    do {
      try state.runFile(script, arguments: arguments)
    } catch let e as ScriptError {
      FileHandle.standardError.write(Data(("crescent: " + e.description + "\n").utf8))
      switch e.kind {
      case .interrupted: throw ExitCode(130)
      case .timeout: throw ExitCode(124)
      default: throw ExitCode(1)
      }
    }
  }
}
