import ArgumentParser
import Foundation
import RunStore

struct RunsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "One run in full: host, script, config (overrides marked), result, info, metrics, artifacts, error.",
    discussion: "With --output, what the run printed (standard output, then standard error) instead.")

  @Argument(help: "The run's id (or a prefix only it has).") var id: String
  @Flag(help: "Print what the run printed instead.") var output = false
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let store = try storeOptions.open()
    let id = try storeOptions.resolve([self.id], in: store)[0]
    guard let record = try store.run(id: id) else { StoreOptions.fail("no run '\(id)' in '\(storeOptions.path)'") }
    if output {
      FileHandle.standardOutput.write(Data((record.stdout ?? "").utf8))
      if let err = record.stderr, !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
      return
    }
    print(RunText.show(record, series: try store.seriesSummaries(run: id), artifacts: try store.artifacts(run: id)), terminator: "")
  }
}

struct RunsCompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Runs side by side: the config keys that differ and the final value of every series.")

  @Argument(help: "Two or more runs (ids or prefixes).") var ids: [String]
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard ids.count >= 2 else { throw ValidationError("compare needs two or more runs, got \(ids.count)") }
  }

  func run() throws {
    let store = try storeOptions.open()
    let records = try storeOptions.resolve(ids, in: store).map { id in
      guard let r = try store.run(id: id) else { StoreOptions.fail("no run '\(id)' in '\(storeOptions.path)'") }
      return r
    }
    print(RunText.compare(records), terminator: "")
  }
}

struct RunsRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    abstract: "Removes runs from the store, with their metrics, artifact records and artifacts folder (runs/<id>/).")

  @Argument(help: "The runs to remove (ids or prefixes).") var ids: [String]
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard !ids.isEmpty else { throw ValidationError("rm needs the ids of the runs to remove") }
  }

  func run() throws {
    let store = try storeOptions.open()
    let resolved = try storeOptions.resolve(ids, in: store)
    let folders: [String]
    do { folders = try store.remove(runs: resolved) } catch { StoreOptions.fail("\(error)") }
    for folder in folders where FileManager.default.fileExists(atPath: folder) {
      do { try FileManager.default.removeItem(atPath: folder) } catch {
        FileHandle.standardError.write(Data("crescent: the run was removed but its folder '\(folder)' could not be: \(error.localizedDescription)\n".utf8))
      }
    }
    print("removed \(resolved.count) run\(resolved.count == 1 ? "" : "s"): \(resolved.joined(separator: ", "))")
  }
}
