import ArgumentParser
import Foundation
import RunStore

struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "The recorded runs: list, show, compare, export, report, remove.",
    discussion: """
      Every `crescent run` is recorded in the run store (runs/crescent.db unless --store or \
      CRESCENT_STORE says otherwise). A run is named by its id or by a prefix only it has. A \
      RUNNING run whose heartbeat has stopped for \(Int(RunStore.staleAfter)) s shows as DEAD.
      """,
    subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self, RunsExportCommand.self, RunsReportCommand.self, RunsRemoveCommand.self],
    defaultSubcommand: RunsListCommand.self
  )
}

struct RunsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "A table of runs: id, experiment, status, start, duration and the last value of their series.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var selection: RunSelection

  func run() throws {
    let store = try storeOptions.open()
    let runs = try selection.apply(try store.runs())
    if runs.isEmpty {
      if let filter = selection.filter { print("no run matches '\(filter)'\(selection.study.map { " in study '\($0)'" } ?? "")") }
      else if let study = selection.study { print("no runs of study '\(study)' in '\(storeOptions.path)'") }
      else { print("no runs in '\(storeOptions.path)'") }
      return
    }
    print(RunTable.render(runs), terminator: "")
  }
}
