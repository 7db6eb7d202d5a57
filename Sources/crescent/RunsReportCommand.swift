import ArgumentParser
import Foundation
import Reports
import RunStore

struct RunsReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "One self-contained HTML page about runs: a chart per metric, ROC and precision-recall curves, per-label tables, configs and results.",
    discussion: """
      The runs named (ids or prefixes); with --filter as well, those of them it selects; with \
      --filter alone, every run it selects. Runs that differ only by seed draw as one mean ± std \
      band. The page needs nothing from the network (inline CSS and SVG, no script). Written to \
      report-<first id>.html in the working directory unless -o says otherwise.
      """)

  @Argument(help: "The runs to report on (ids or prefixes).") var ids: [String] = []
  @Option(help: "Only runs matching: comparisons (= != < <= > >=) of columns, config.<key> or series names, joined by and/or.")
  var filter: String?
  @Option(name: [.short, .customLong("output")], help: "The HTML file to write (default: report-<first id>.html).") var output: String?
  @Option(help: "The report's title (default: Report: <experiments>).") var title: String?
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard !ids.isEmpty || filter != nil else { throw ValidationError("report needs run ids, or --filter to select runs") }
    if let filter { do { _ = try RunFilter.parse(filter) } catch { throw ValidationError("\(error)") } }
  }

  func run() throws {
    let store = try storeOptions.open()
    var records = try store.runs()
    if !ids.isEmpty {
      let wanted = try storeOptions.resolve(ids, in: store)
      var seen = Set<String>()
      records = wanted.filter { seen.insert($0).inserted }.compactMap { id in records.first { $0.id == id } }
    }
    if let filter {
      let f = try RunFilter.parse(filter)
      records = records.filter { r in f.matches(r, config: { FlatJSON.flatten(r.configJSON) }) }
    }
    guard !records.isEmpty else {
      StoreOptions.fail(filter.map { "no run matches '\($0)'\(ids.isEmpty ? "" : " among the runs given")" } ?? "no runs to report on")
    }
    let path = output ?? "report-\(records[0].id).html"
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
      StoreOptions.fail("cannot write the report to '\(path)': there is no folder '\(folder)'")
    }
    do {
      let runs = try records.map { record -> ReportRun in
        guard let full = try store.run(id: record.id) else { StoreOptions.fail("run '\(record.id)' was removed from '\(storeOptions.path)' meanwhile") }
        return try ReportRun(recorded: full, store: store)
      }
      try RunReport(runs: runs, title: title).write(to: path)
    } catch let error as ReportError {
      StoreOptions.fail("\(error)")
    }
    print("report of \(records.count) run\(records.count == 1 ? "" : "s") written to \(path)")
  }
}
