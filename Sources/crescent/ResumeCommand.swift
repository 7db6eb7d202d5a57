import ArgumentParser
import Experiments
import Foundation
import RunStore

struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue an interrupted, failed or dead run from its last checkpoints, under the same id.",
    discussion: """
      Runs the recorded script again with the recorded settings (named configs, overrides, seed): \
      main starts again from the beginning, and every fit that checkpoints carries on from its \
      checkpoint in runs/<id>/checkpoints/ instead of starting afresh, so the result equals the \
      uninterrupted run's (same machine, same thread count). The run goes back to RUNNING, then to \
      how it ends; its series carry on (points it stored before it stopped are not written again) \
      and what it prints is added to what it printed. A COMPLETED run is refused, and so is a run \
      whose script is gone or changed since, unless --force. The sandbox options (--trust, \
      --allow, ...) are given again, as to crescent run.
      """
  )

  @Argument(help: "The run: its id, or a prefix only it has.") var id: String
  @Flag(help: "Resume even though the script changed since the run.") var force = false
  @OptionGroup var options: RunOptions

  func validate() throws {
    if options.seed != nil { throw ValidationError("--seed: a resumed run keeps its recorded seed") }
    if options.printConfig { throw ValidationError("--print-config: use crescent runs show to see a run's config") }
    if options.noRecord { throw ValidationError("--no-record: a resumed run is recorded under its own id") }
  }

  func run() throws {
    let storePath = RunRecorderSetup.storePath(option: options.store, runsDirectory: options.runsDir ?? "runs")
    guard FileManager.default.fileExists(atPath: storePath) else {
      RunExecution.fail("no runs recorded yet: there is no run store at '\(storePath)' (--store or CRESCENT_STORE name another)")
    }
    let store: RunStore
    let record: RunRecord
    do {
      store = try RunStore(path: storePath)
      let full = try StoreOptions.resolve(id, in: store, at: storePath)
      guard let r = try store.run(id: full) else { RunExecution.fail("no run '\(id)' in '\(storePath)'") }
      record = r
    } catch { RunExecution.fail("\(error)") }
    switch record.status {
    case .completed, .pruned: RunExecution.fail("run \(record.id) is \(record.status.rawValue): only an INTERRUPTED, FAILED or DEAD run can be resumed")
    case .running: RunExecution.fail("run \(record.id) is RUNNING (its heartbeat is fresh): stop it, or wait until it shows as DEAD, before resuming it")
    case .failed, .interrupted, .dead: break
    }
    guard let script = record.script else { RunExecution.fail("run \(record.id) has no recorded script to run again") }
    let source = FileManager.default.contents(atPath: script)
    if !force {
      if source == nil {
        RunExecution.fail("the script changed since the run: '\(script)' is gone; use --force to resume with the script as it is now")
      } else if let recorded = record.sha256, SHA256.hex(source!) != recorded {
        RunExecution.fail("the script changed since the run: '\(script)' no longer has the sha256 the run recorded (\(recorded.prefix(12))...); use --force to resume with the script as it is now")
      }
    }
    guard source != nil else { RunExecution.fail("cannot resume run \(record.id): its script '\(script)' is gone") }
    let with: WithArguments
    do { with = try ResumeCommand.withArguments(overridesJSON: record.overridesJSON) } catch let e as ConfigError {
      RunExecution.fail("cannot resume run \(record.id): its recorded settings do not read back: \(e.message)")
    }
    var runOptions = options
    if !with.assignments.contains(where: { $0.key == ExperimentDeclaration.seedKey }) { runOptions.seed = record.seed }
    var execution = RunExecution(script: script, options: runOptions)
    execution.with = with
    let runsDirectory = record.folder.map { ($0 as NSString).deletingLastPathComponent } ?? options.runsDir ?? "runs"
    execution.resuming = (storePath, record.id, runsDirectory.isEmpty ? "." : runsDirectory)
    try execution.run()
  }

  /// The `with` words a run was given, read back from its recorded overrides
  /// (`{"with": [named...], "key": "text", ...}`, in the order given).
  static func withArguments(overridesJSON: String?) throws -> WithArguments {
    var named: [String] = [], assignments: [String] = []
    for (key, leaf) in FlatJSON.flatten(overridesJSON) {
      if key.hasPrefix("with."), case .string(let name) = leaf, Int(key.dropFirst(5)) != nil {
        named.append(name)
      } else {
        assignments.append(key + "=" + leaf.text)
      }
    }
    return try WithArguments(named + assignments)
  }
}
