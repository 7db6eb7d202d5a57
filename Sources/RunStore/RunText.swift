import Foundation

/// Recorded runs as text: one run in full (`crescent runs show`), several side by side
/// (`crescent runs compare`).
public enum RunText {
  /// Everything recorded about one run. Overridden config keys are marked `*`, with the value given.
  public static func show(_ r: RunRecord, series: [SeriesSummary], artifacts: [ArtifactRecord]) -> String {
    var lines = ["run \(r.id)"]
    var head: [[String]] = [
      ["experiment", r.experiment], ["status", r.status.rawValue], ["started", RunTable.timestamp(r.started)],
      ["duration", RunTable.duration(r.duration)],
    ]
    if let seed = r.seed { head.append(["seed", String(seed)]) }
    if let script = r.script { head.append(["script", script + (r.sha256.map { "  sha256 \($0)" } ?? "")]) }
    for (name, hash) in FlatJSON.flatten(r.recipesJSON) { head.append(["recipe", "\(name)  sha256 \(hash.text)"]) }
    if let h = r.host {
      head.append(["host", "\(h.os), \(h.cpu), \(h.cores) cores, crescent \(h.crescentVersion)"])
      if let commit = h.gitCommit { head.append(["git", commit + (h.gitDirty == true ? " (with uncommitted changes)" : "")]) }
    }
    if let folder = r.folder { head.append(["folder", folder]) }
    lines.append(contentsOf: RunTable.grid(head.map { ["  " + $0[0], $0[1]] }).split(separator: "\n").map(String.init))
    let overrides = FlatJSON.flatten(r.overridesJSON)
    let config = FlatJSON.flatten(r.configJSON)
    if !config.isEmpty {
      lines.append("config (* overridden):")
      let rows = config.map { key, value -> [String] in
        let given = overrides.first { key == $0.key || key.hasPrefix($0.key + ".") }
        return ["  " + key, value.text + (given.map { "  * (given \($0.key)=\($0.value.text))" } ?? "")]
      }
      lines.append(contentsOf: RunTable.grid(rows).split(separator: "\n").map(String.init))
      if let named = overrides.filter({ $0.key.hasPrefix("with.") }).map(\.value.text) as [String]?, !named.isEmpty {
        lines.append("  named configs: " + named.joined(separator: ", "))
      }
    }
    for (title, json) in [("result", r.resultJSON), ("info", r.infoJSON)] {
      let flat = FlatJSON.flatten(json)
      guard !flat.isEmpty else { continue }
      lines.append("\(title):")
      lines.append(contentsOf: RunTable.grid(flat.map { ["  " + ($0.key.isEmpty ? "value" : $0.key), $0.value.text] }).split(separator: "\n").map(String.init))
    }
    if !series.isEmpty {
      lines.append("metrics:")
      let rows = series.map { s -> [String] in
        ["  " + s.key, "\(s.count) point\(s.count == 1 ? "" : "s")", "last \(RunTable.number(s.last)) at step \(s.lastStep)",
         "min \(s.min.map(RunTable.number) ?? "nan")", "max \(s.max.map(RunTable.number) ?? "nan")"]
      }
      lines.append(contentsOf: RunTable.grid(rows).split(separator: "\n").map(String.init))
    }
    if !artifacts.isEmpty {
      lines.append("artifacts:")
      let rows = artifacts.map { ["  " + $0.name, "\($0.size) bytes", "sha256 \($0.sha256.prefix(16))", $0.path] }
      lines.append(contentsOf: RunTable.grid(rows).split(separator: "\n").map(String.init))
    }
    if let error = r.error {
      lines.append("error:")
      lines.append(contentsOf: (error + (r.traceback.map { "\n" + $0 } ?? "")).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Runs side by side: the config keys whose values differ, then the last value of every series.
  public static func compare(_ runs: [RunRecord]) -> String {
    let flat = runs.map { FlatJSON.flatten($0.configJSON) }
    let configs = flat.map { Dictionary($0.map { ($0.key, $0.value.text) }, uniquingKeysWith: { a, _ in a }) }
    var keys: [String] = []
    for f in flat { for (k, _) in f where !keys.contains(k) { keys.append(k) } }
    let differing = keys.filter { k in Set(configs.map { $0[k] ?? "-" }).count > 1 }
    let blank = runs.map { _ in "" }
    var rows: [[String]] = [[""] + runs.map(\.id)]
    rows.append(["experiment"] + runs.map(\.experiment))
    rows.append(["status"] + runs.map(\.status.rawValue))
    rows.append(["seed"] + runs.map { $0.seed.map(String.init) ?? "-" })
    if differing.isEmpty {
      rows.append(["config: the same in every run"] + blank)
    } else {
      rows.append(["config (differing keys):"] + blank)
      rows += differing.map { k in ["  " + k] + configs.map { $0[k] ?? "-" } }
    }
    var metricKeys: [String] = []
    for r in runs { for (k, _) in r.lastValues where !metricKeys.contains(k) { metricKeys.append(k) } }
    if !metricKeys.isEmpty {
      rows.append(["final metrics:"] + blank)
      rows += metricKeys.sorted().map { k in ["  " + k] + runs.map { $0.lastValue(k).map(RunTable.number) ?? "-" } }
    }
    return RunTable.grid(rows)
  }
}
