import ArgumentParser
import Foundation
import RunStore

/// Which run store `crescent runs` reads: --store, else CRESCENT_STORE, else the runs folder's.
struct StoreOptions: ParsableArguments {
  @Option(help: "The run store (default: CRESCENT_STORE, else crescent.db in the runs folder).") var store: String?
  @Option(help: "The runs folder (default: runs).") var runsDir: String?

  var path: String { RunRecorderSetup.storePath(option: store, runsDirectory: runsDir ?? "runs") }

  /// The store, opened; a store that does not exist is an error naming where it was looked for
  /// (reading never creates one).
  func open() throws -> RunStore {
    guard FileManager.default.fileExists(atPath: path) else {
      StoreOptions.fail("no runs recorded yet: there is no run store at '\(path)' (crescent run records one; --store or CRESCENT_STORE name another)")
    }
    do { return try RunStore(path: path) } catch { StoreOptions.fail("\(error)") }
  }

  /// Reports what went wrong as `crescent: <message>` and exits with status 1.
  static func fail(_ message: String) -> Never { RunExecution.fail(message) }

  /// The full ids of the runs named (each by its id or a prefix of it that only it has).
  func resolve(_ names: [String], in store: RunStore) throws -> [String] {
    try names.map { try Self.resolve($0, in: store, at: path) }
  }

  /// The full id of the run `name` names in `store` (kept at `path`, for messages): its id, or a
  /// prefix of it that only it has. Anything else ends the command with an error.
  static func resolve(_ name: String, in store: RunStore, at path: String) throws -> String {
    let found = try store.ids(matching: name)
    if found.contains(name) { return name }
    switch found.count {
    case 1: return found[0]
    case 0: fail("no run '\(name)' in '\(path)' (crescent runs lists them)")
    default: fail("'\(name)' names \(found.count) runs (\(found.prefix(3).joined(separator: ", "))\(found.count > 3 ? ", ..." : "")): give more of the id")
    }
  }
}

/// How runs are picked and ordered: --filter, --sort, --limit.
struct RunSelection: ParsableArguments {
  @Option(help: "Only runs matching: comparisons (= != < <= > >=) of columns, config.<key> or series names, joined by and/or: 'status=COMPLETED and val_f1_micro>0.6'.")
  var filter: String?
  @Option(help: "Order by a column, config.<key> or series (last value); a leading '-' reverses (default: -started, newest first).")
  var sort: String?
  @Option(help: "At most this many runs (the first after sorting).") var limit: Int?
  @Option(help: "Only the runs of this sweep's study (its trials).") var study: String?

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit expects a count of runs (0 or more), got \(limit)") }
    if let filter { do { _ = try RunFilter.parse(filter) } catch { throw ValidationError("\(error)") } }
  }

  func apply(_ runs: [RunRecord]) throws -> [RunRecord] {
    var out = runs
    if let study { out = out.filter { $0.study == study } }
    var configs: [String: [(key: String, value: FlatJSON.Leaf)]] = [:]
    func config(_ r: RunRecord) -> [(key: String, value: FlatJSON.Leaf)] {
      if let c = configs[r.id] { return c }
      let c = FlatJSON.flatten(r.configJSON)
      configs[r.id] = c
      return c
    }
    if let filter {
      let f = try RunFilter.parse(filter)
      out = out.filter { r in f.matches(r, config: { config(r) }) }
    }
    let key = sort ?? "-started"
    let descending = key.hasPrefix("-")
    let name = descending ? String(key.dropFirst()) : key
    if name == "started" || name == "start" {
      out.sort { ($0.started, $0.id) < ($1.started, $1.id) }
      if descending { out.reverse() }
    } else {
      // Runs without the key go last either way.
      let values = Dictionary(out.map { r in (r.id, RunFilter.lookup(name, in: r, config: { config(r) })) }, uniquingKeysWith: { a, _ in a })
      out.sort { a, b in
        guard let x = values[a.id] ?? nil else { return false }
        guard let y = values[b.id] ?? nil else { return true }
        let less: Bool, greater: Bool
        if let dx = Double(x), let dy = Double(y) { less = dx < dy; greater = dx > dy } else { less = x < y; greater = x > y }
        return descending ? greater : less
      }
    }
    if let limit { out = Array(out.prefix(limit)) }
    return out
  }
}
