import ArgumentParser
import Foundation
import Reports
import RunStore
import Sweeps

struct SweepShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "A study: its best trial, and a table of its trials.",
    discussion: """
      Shows the best COMPLETE trial (its number, value, parameters and run id), then every trial: \
      its number, state, value (a pruned trial's last reported value), the step a pruned trial \
      reached, its run, the worker that ran it (host:process) and its parameters. --html FILE writes the study's report; --json prints the study as JSON instead of the table.
      """
  )

  @Argument(help: "The study's name.") var study: String
  @Option(help: "Where the study lives: a run store file (default: CRESCENT_STORE, else crescent.db in the runs folder) or postgres://...")
  var store: String?
  @Option(help: "The runs folder (default: runs).") var runsDir: String?
  @Option(help: ArgumentHelp("Write the study's report (a self-contained HTML page) to this file.", valueName: "file")) var html: String?

  @Flag(help: "Print the study as JSON (its settings, best trial and every trial) instead of the table.") var json = false

  func run() throws {
    let runStorePath = RunRecorderSetup.storePath(option: StudyStores.isPostgres(store) ? nil : store, runsDirectory: runsDir ?? "runs")
    if !StudyStores.isPostgres(store), !FileManager.default.fileExists(atPath: runStorePath) {
      RunExecution.fail("no studies yet: there is no run store at '\(runStorePath)' (--store or CRESCENT_STORE name another)")
    }
    do {
      let studies = try StudyStores.open(store: store, runStorePath: runStorePath)
      let info = try studies.study(named: study)
      let trials = try studies.trials(study: info.id)
      if json {
        print(try StudyJSON.render(info, trials: trials), terminator: "")
      } else {
        let runs = FileManager.default.fileExists(atPath: runStorePath) ? try? OpenRunStores.store(at: runStorePath) : nil
        print(StudyTable.render(info, trials: trials, runs: runs), terminator: "")
      }
      if let html {
        try StudyTable.writeReport(info, trials: trials, to: html)
        if !json { print("report written to \(html)") }
      }
    } catch let e as SweepError {
      RunExecution.fail(e.message)
    } catch {
      RunExecution.fail("\(error)")
    }
  }
}
