import ArgumentParser
import Catalog
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
    var execution = RunExecution(script: script, options: options)
    execution.scriptArguments = split.words + split.passthrough
    if split.words.first == "with" {
      do { execution.with = try WithArguments(Array(split.words.dropFirst())) } catch let e as ConfigError { RunExecution.fail(e.message) }
      execution.scriptArguments = split.passthrough
    } else {
      execution.scriptWords = split.words
    }
    try execution.run()
  }

}
