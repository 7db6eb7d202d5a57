import ArgumentParser
import Catalog
import Foundation
import RunStore

struct RunsExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Runs as CSV (one row per run: columns, config.<key>, last value of each series) or JSON (everything, with every series).",
    discussion: "Without ids, every run that --filter selects (all runs without it), ordered as --sort says.")

  @Option(help: "csv or json.") var format: String = "csv"
  @Argument(help: "The runs to export (ids or prefixes); none: all, or those --filter selects.") var ids: [String] = []
  @OptionGroup var selection: RunSelection
  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard format == "csv" || format == "json" else { throw ValidationError("--format expects csv or json, got '\(format)'") }
  }

  func run() throws {
    let store = try storeOptions.open()
    var runs = try store.runs()
    if !ids.isEmpty {
      let wanted = try storeOptions.resolve(ids, in: store)
      runs = wanted.compactMap { id in runs.first { $0.id == id } }
      if selection.filter != nil || selection.sort != nil || selection.study != nil { runs = try selection.apply(runs) }
    } else {
      var s = selection
      if s.sort == nil { s.sort = "started" }
      runs = try s.apply(runs)
    }
    print(format == "csv" ? csv(runs) : try json(runs, store: store), terminator: "")
  }

  func csv(_ runs: [RunRecord]) -> String {
    let configs = runs.map { FlatJSON.flatten($0.configJSON) }
    var configKeys: [String] = []
    for c in configs { for (k, _) in c where !configKeys.contains(k) { configKeys.append(k) } }
    var metricKeys: [String] = []
    for r in runs { for (k, _) in r.lastValues where !metricKeys.contains(k) { metricKeys.append(k) } }
    metricKeys.sort()
    let header = ["id", "experiment", "status", "started", "stopped", "duration", "seed"] + configKeys.map { "config." + $0 } + metricKeys
    var lines = [header.map(field).joined(separator: ",")]
    for (r, c) in zip(runs, configs) {
      let values = Dictionary(c.map { ($0.key, $0.value.text) }, uniquingKeysWith: { a, _ in a })
      let row = [r.id, r.experiment, r.status.rawValue, iso(r.started), r.stopped.map(iso) ?? "", String(format: "%.3f", r.duration),
                 r.seed.map(String.init) ?? ""] + configKeys.map { values[$0] ?? "" } + metricKeys.map { k in r.lastValue(k).map(number) ?? "" }
      lines.append(row.map(field).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func json(_ runs: [RunRecord], store: RunStore) throws -> String {
    func number(_ d: Double) -> String { Value.number(d).json }
    var items: [String] = []
    for summary in runs {
      guard let r = try store.run(id: summary.id) else { continue }
      var fields: [String] = [
        "\"id\":" + Value.jsonString(r.id), "\"experiment\":" + Value.jsonString(r.experiment),
        "\"status\":" + Value.jsonString(r.status.rawValue), "\"started\":" + Value.jsonString(iso(r.started)),
        "\"stopped\":" + (r.stopped.map { Value.jsonString(iso($0)) } ?? "null"),
        "\"seed\":" + (r.seed.map(String.init) ?? "null"),
        "\"script\":" + (r.script.map(Value.jsonString) ?? "null"), "\"sha256\":" + (r.sha256.map(Value.jsonString) ?? "null"),
      ]
      for (name, text) in [("config", r.configJSON), ("overrides", r.overridesJSON), ("result", r.resultJSON), ("info", r.infoJSON), ("recipes", r.recipesJSON)] {
        fields.append("\"\(name)\":" + (text ?? "null"))
      }
      fields.append("\"error\":" + (r.error.map(Value.jsonString) ?? "null"))
      var series: [String] = []
      for s in try store.seriesSummaries(run: r.id) {
        let points = try store.series(run: r.id, key: s.key)
        series.append(Value.jsonString(s.key) + ":{\"steps\":[" + points.map { String($0.step) }.joined(separator: ",")
                      + "],\"values\":[" + points.map { number($0.value) }.joined(separator: ",") + "]}")
      }
      fields.append("\"metrics\":{" + series.joined(separator: ",") + "}")
      let artifacts = try store.artifacts(run: r.id).map {
        "{\"name\":\(Value.jsonString($0.name)),\"path\":\(Value.jsonString($0.path)),\"size\":\($0.size),\"sha256\":\(Value.jsonString($0.sha256))}"
      }
      fields.append("\"artifacts\":[" + artifacts.joined(separator: ",") + "]")
      items.append("{" + fields.joined(separator: ",") + "}")
    }
    return "[" + items.joined(separator: ",\n") + "]\n"
  }

  /// A value as its shortest exact text; NaN and infinities as nan, inf, -inf.
  func number(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    return "\(d)"
  }

  func iso(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: d)
  }

  /// A CSV field, quoted when it holds a comma, quote or line break.
  func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
