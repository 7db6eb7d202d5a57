/// Runs that differ only by seed: the same experiment and the same config apart from `seed`.
/// Such a group draws as one mean ± std band per series; a group of one run draws its lines.
public struct SeedGroup: Sendable, Equatable {
  public var runs: [ReportRun]
  /// The label of the group in legends and the runs table.
  public var label: String

  public var experiment: String { runs[0].experiment }

  /// The config without `seed`, sorted by key: what the runs of a group share.
  static func identity(_ run: ReportRun) -> [ReportField] {
    run.config.filter { $0.key != "seed" }.sorted { $0.key < $1.key }
  }

  /// The groups, in the order of their first runs; labels tell them apart: by experiment when
  /// experiments differ, else by the config values that differ (`lr=0.01`), else by run id.
  public static func groups(_ runs: [ReportRun]) -> [SeedGroup] {
    var groups: [SeedGroup] = []
    for run in runs {
      if let i = groups.firstIndex(where: { $0.experiment == run.experiment && identity($0.runs[0]) == identity(run) }) {
        groups[i].runs.append(run)
      } else {
        groups.append(SeedGroup(runs: [run], label: ""))
      }
    }
    let experimentsDiffer = Set(groups.map(\.experiment)).count > 1
    let differing = differingKeys(groups.map { identity($0.runs[0]) })
    for i in groups.indices {
      var parts: [String] = []
      if experimentsDiffer { parts.append(groups[i].experiment) }
      let config = identity(groups[i].runs[0])
      let shown = differing.prefix(3).map { key in "\(key)=\(config.first { $0.key == key }?.value ?? "—")" }
      parts.append(contentsOf: shown)
      if parts.isEmpty { parts.append(groups.count == 1 && groups[i].runs.count > 1 ? groups[i].experiment : groups[i].runs[0].id) }
      if groups[i].runs.count > 1 { parts.append("(\(groups[i].runs.count) seeds)") }
      groups[i].label = parts.joined(separator: " ")
    }
    return groups
  }

  /// Keys whose values are not the same in every config (a missing key counts as a value), in
  /// the order first seen.
  static func differingKeys(_ configs: [[ReportField]]) -> [String] {
    guard configs.count > 1 else { return [] }
    var keys: [String] = []
    for config in configs { for field in config where !keys.contains(field.key) { keys.append(field.key) } }
    return keys.filter { key in
      let values = configs.map { config in config.first { $0.key == key }?.value }
      return values.contains { $0 != values[0] }
    }
  }
}
