import ArgumentParser
import Catalog

/// `crescent run`'s own options. They may stand before the script, after it and among the
/// `with` words; `OptionWords` takes them out of the words that follow the script.
struct RunOptions: ParsableArguments {
  @OptionGroup var sandbox: SandboxOptions
  @Option(help: "The root seed of the run's random streams (drawn at random when absent).") var seed: UInt64?
  @Flag(help: "Print the experiment's final config, marking what was changed, and exit without running main.")
  var printConfig = false
  @Option(help: "The folder runs write their artifacts under (runs/<id>/; default: runs).") var runsDir: String?
  @Option(help: "The run store the run is recorded in (default: CRESCENT_STORE, else crescent.db in the runs folder).")
  var store: String?
  @Flag(help: "Do not record the run in the run store.") var noRecord = false
  @OptionGroup var pluginOptions: PluginOptions

  /// Options followed by a value (`--seed 7` or `--seed=7`), and options that stand alone.
  static let valued: Set<String> = ["--allow", "--allow-read", "--allow-write", "--out", "--timeout", "--max-memory", "--seed", "--runs-dir", "--plugin", "--store"]
  static let flags: Set<String> = ["--trust", "--print-config", "--no-record"]

  func validate() throws {
    if let seed, seed > UInt64(Int.max) {
      throw ValidationError("--seed expects an integer from 0 to \(Int.max), got \(seed)")
    }
  }

  /// These options, each replaced by `later`'s where `later` gives it (plugins add up).
  func merged(with later: RunOptions) -> RunOptions {
    var m = self
    m.sandbox = sandbox.merged(with: later.sandbox)
    m.seed = later.seed ?? seed
    m.printConfig = printConfig || later.printConfig
    m.runsDir = later.runsDir ?? runsDir
    m.store = later.store ?? store
    m.noRecord = noRecord || later.noRecord
    m.pluginOptions.plugins = pluginOptions.plugins + later.pluginOptions.plugins
    return m
  }
}
