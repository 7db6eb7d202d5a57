import ArgumentParser
import Catalog
import Foundation
import LuaHost

struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "The scripting API at a prompt: expressions print their values, state is kept.",
    discussion: "Input that is not complete (an open function or table) continues on the next line. Reads standard input, so it also runs piped input."
  )

  @OptionGroup var sandbox: SandboxOptions
  @Option(help: "The root seed of the session's random streams.") var seed: UInt64?
  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    let options = try sandbox.stateOptions()
    let session = Session(catalog: try pluginOptions.catalog(command: "repl"), seed: seed ?? UInt64.random(in: 0..<(1 << 31)),
                          output: OutputSink(write: options.output))
    let state = LuaState(session: session, options: options)
    func say(_ text: String, newline: Bool = true) { FileHandle.standardOutput.write(Data((text + (newline ? "\n" : "")).utf8)) }
    let interactive = isatty(STDIN_FILENO) != 0
    if interactive { say("Crescent \(Crescent.version) — Lua 5.4; `crescent doc` lists the API; Ctrl-D leaves.") }
    var pending = ""
    var failed = false
    while true {
      if interactive { say(pending.isEmpty ? "> " : ">> ", newline: false) }
      guard let line = readLine(strippingNewline: true) else { break }
      pending = pending.isEmpty ? line : pending + "\n" + line
      if pending.trimmingCharacters(in: .whitespaces).isEmpty { pending = ""; continue }
      switch state.evaluate(pending) {
      case .incomplete: continue
      case .values(let shown):
        if !shown.isEmpty { say(shown.joined(separator: "\t")) }
      case .error(let message):
        failed = true
        say(message)
      }
      pending = ""
    }
    if !pending.isEmpty {
      say("incomplete input at the end: \(pending.split(separator: "\n").first ?? "")")
      failed = true
    }
    if failed && !interactive { throw ExitCode(1) }
  }
}
