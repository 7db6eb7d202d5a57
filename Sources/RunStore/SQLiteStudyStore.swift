import Catalog
import Foundation
import GRDB
import Sweeps

/// Studies and their trials in the run store's SQLite file, beside the runs that carry the
/// trials out: the store for workers on one machine. Every change is one IMMEDIATE transaction
/// (the write lock taken at its start), so processes sharing the file never claim one trial
/// twice nor create the same trial number; each waits for the others up to the busy timeout.
public final class SQLiteStudyStore: StudyStore, @unchecked Sendable {  // the pool serializes writes; `caches` is behind `lock`
  public let store: RunStore
  public var path: String { store.path }
  private let lock = NSLock()
  /// Each study's trials as last read, by study id.
  private var caches: [Int64: TrialCache] = [:]

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

  func cached(_ study: Int64) -> TrialCache? { lock.withLock { caches[study] } }

  /// The kept trials of `study`, taken out (so a claim changes them in place, not a copy);
  /// `keep` puts them back.
  func taken(_ study: Int64) -> TrialCache? { lock.withLock { caches.removeValue(forKey: study) } }

  /// Keeps `cache` unless one of a later revision is kept already.
  func keep(_ cache: TrialCache, for study: Int64) {
    lock.withLock {
      if let kept = caches[study], kept.revision > cache.revision { return }
      caches[study] = cache
    }
  }

  // MARK: studies

  public func open(_ spec: StudySpec) throws -> StudyInfo {
    let now = Date().timeIntervalSince1970
    return try immediate("create a study in") { db in
      if let existing = try SQLiteStudyStore.study(db, name: spec.name) {
        let text = try String.fetchOne(db, sql: "SELECT space FROM study WHERE id = ?", arguments: [existing.id]) ?? ""
        try spec.checkContinues(existing.spec, storedSpaceText: text)
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
