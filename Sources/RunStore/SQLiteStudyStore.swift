import Catalog
import Foundation
import GRDB
import Sweeps

/// Studies and their trials in the run store's SQLite file, beside the runs that carry the
/// trials out: the store for workers on one machine. Every change is one IMMEDIATE transaction
/// (the write lock taken at its start), so processes sharing the file never claim one trial
/// twice nor create the same trial number; each waits for the others up to the busy timeout.
public final class SQLiteStudyStore: StudyStore, @unchecked Sendable {  // the pool serializes writes
  public let store: RunStore
  public var path: String { store.path }

  /// Opens (or creates) the run store at `path` and its study tables.
  public init(path: String) throws {
    store = try RunStore(path: path)
  }

  /// The studies of a store already open.
  public init(store: RunStore) {
    self.store = store
  }

  /// Runs `body` in one IMMEDIATE transaction, through the store's test seam; errors name the store.
  func immediate<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
    do {
      try store.writeFault?()
      return try store.pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        return result!
      }
    } catch let error as SweepError {
      throw error
    } catch {
      throw RunStore.failure(what, path, error)
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try store.pool.read(body) } catch let error as SweepError { throw error } catch {
      throw RunStore.failure("read", path, error)
    }
  }

  // MARK: studies

  public func open(_ spec: StudySpec) throws -> StudyInfo {
    let now = Date().timeIntervalSince1970
    return try immediate("create a study in") { db in
      if let existing = try SQLiteStudyStore.study(db, name: spec.name) {
        try SQLiteStudyStore.checkSame(existing.spec, spec)
        return existing
      }
      try db.execute(sql: """
        INSERT INTO study (name, experiment, script, with_words, space, sampler, pruner, seed, created)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: [spec.name, spec.experiment, spec.script, SQLiteStudyStore.json(spec.with), spec.space.description,
                         spec.sampler, spec.pruner, Int64(bitPattern: spec.seed), now])
      return StudyInfo(id: db.lastInsertedRowID, spec: spec, created: now)
    }
  }

  public func study(named name: String) throws -> StudyInfo {
    try read { db in
      if let found = try SQLiteStudyStore.study(db, name: name) { return found }
      let names = try String.fetchAll(db, sql: "SELECT name FROM study ORDER BY created, id")
      throw SweepError(names.isEmpty
        ? "no study '\(name)' in '\(path)': it has no studies yet (crescent sweep creates one)"
        : "no study '\(name)' in '\(path)'; its studies are: \(names.joined(separator: ", "))")
    }
  }

  public func studies() throws -> [StudyInfo] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM study ORDER BY created, id").map(SQLiteStudyStore.info)
    }
  }

  static func study(_ db: Database, name: String) throws -> StudyInfo? {
    try Row.fetchOne(db, sql: "SELECT * FROM study WHERE name = ?", arguments: [name]).map(info)
  }

  static func info(_ row: Row) throws -> StudyInfo {
    let name: String = row["name"]
    let space: SearchSpace
    do { space = try SearchSpace(parsing: row["space"]) } catch {
      throw SweepError("study '\(name)': its stored search space cannot be read: \(error)")
    }
    let with = try words(row["with_words"], study: name)
    let seed: Int64 = row["seed"]
    let spec = StudySpec(name: name, experiment: row["experiment"], script: row["script"], with: with, space: space,
                         sampler: row["sampler"], pruner: row["pruner"], seed: UInt64(bitPattern: seed))
    return StudyInfo(id: row["id"], spec: spec, created: row["created"])
  }

  /// Refuses a sweep that differs from the study of the same name in what defines it.
  static func checkSame(_ stored: StudySpec, _ given: StudySpec) throws {
    var differences: [String] = []
    if stored.script != given.script { differences.append("the script is '\(given.script)', the study's is '\(stored.script)'") }
    if stored.with != given.with {
      func show(_ w: [String]) -> String { w.isEmpty ? "none" : "'" + w.joined(separator: " ") + "'" }
      differences.append("the settings given with `with` are \(show(given.with)), the study's are \(show(stored.with))")
    }
    if stored.space != given.space {
      let a = Set(stored.space.description.split(separator: "\n")), b = Set(given.space.description.split(separator: "\n"))
      let added = given.space.description.split(separator: "\n").filter { !a.contains($0) }
      let removed = stored.space.description.split(separator: "\n").filter { !b.contains($0) }
      var parts: [String] = []
      if !added.isEmpty { parts.append("given " + added.joined(separator: "; ")) }
      if !removed.isEmpty { parts.append("the study has " + removed.joined(separator: "; ")) }
      differences.append("the search space differs (" + (parts.isEmpty ? "in the order of its parameters" : parts.joined(separator: "; ")) + ")")
    }
    if stored.sampler != given.sampler { differences.append("the sampler is \(given.sampler), the study's is \(stored.sampler)") }
    if stored.pruner != given.pruner { differences.append("the pruner is \(given.pruner), the study's is \(stored.pruner)") }
    guard differences.isEmpty else {
      throw SweepError("study '\(given.name)' exists with other settings: \(differences.joined(separator: "; ")). Rerun it as it was to continue it, or name a new study with --study NAME")
    }
  }

  // MARK: text columns

  /// A list of words as a JSON array.
  static func json(_ words: [String]) -> String {
    "[" + words.map(Value.jsonString).joined(separator: ",") + "]"
  }

  static func words(_ text: String, study: String) throws -> [String] {
    guard let data = text.data(using: .utf8), let list = try? JSONSerialization.jsonObject(with: data) as? [String] else {
      throw SweepError("study '\(study)': its stored `with` settings are not a JSON list of words: \(text)")
    }
    return list
  }
}
