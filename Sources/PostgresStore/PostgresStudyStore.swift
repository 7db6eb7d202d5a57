import Foundation
import PostgresNIO
import Sweeps

/// Studies and their trials in a PostgreSQL database, for sweep workers on several machines
/// sharing one study. Every change is one transaction on the server; a trial is claimed with
/// row locks (`FOR UPDATE SKIP LOCKED`), and new trials are made while holding the study's row,
/// so each trial goes to exactly one worker and trial numbers are never given twice.
///
/// The calls block the calling thread until the server answers. One store holds one
/// connection: give each thread its own store (or serialize the calls). A dropped connection
/// is made again and the call retried, a few times, before an error names the server.
public final class PostgresStudyStore: StudyStore {
  let db: BlockingConnection
  /// Finished trials already read, by study and number (see `settledAndNew`).
  var settled: [Int64: [Int: TrialRecord]] = [:]

  /// Connects to `url` (`postgres://user:password@host:port/database`) and creates the study
  /// tables when the database has none.
  public init(url: String) throws {
    db = try BlockingConnection(address: try PostgresAddress(url: url))
    try PostgresStudyStore.createSchema(db)
  }

  init(address: PostgresAddress) throws {
    db = try BlockingConnection(address: address)
    try PostgresStudyStore.createSchema(db)
  }

  /// The server's clock in seconds since 1970, as SQL.
  static let now = "EXTRACT(EPOCH FROM clock_timestamp())::float8"

  // MARK: studies

  public func open(_ spec: StudySpec) throws -> StudyInfo {
    try db.transaction("opening study '\(spec.name)'") { db in
      try db.query("""
        INSERT INTO study (name, experiment, script, with_words, space, sampler, pruner, seed, created)
        VALUES (\(spec.name), \(spec.experiment), \(spec.script), \(PostgresStudyStore.json(spec.with)),
                \(spec.space.description), \(spec.sampler), \(spec.pruner), \(Int64(bitPattern: spec.seed)),
                \(unescaped: PostgresStudyStore.now))
        ON CONFLICT (name) DO NOTHING
        """)
      guard let stored = try PostgresStudyStore.study(db, name: spec.name) else {
        throw SweepError("\(db.address): study '\(spec.name)' was neither made nor found")
      }
      try spec.checkContinues(stored.spec, storedSpaceText: stored.spec.space.description)
      return stored
    }
  }

  public func study(named name: String) throws -> StudyInfo {
    try db.perform("reading study '\(name)'") {
      if let found = try PostgresStudyStore.study(db, name: name) { return found }
      let names = try db.execute("SELECT name FROM study ORDER BY created, id").map { try $0.decode(String.self) }
      throw SweepError(names.isEmpty
        ? "no study '\(name)' in the \(db.address): it has no studies yet (crescent sweep creates one)"
        : "no study '\(name)' in the \(db.address); its studies are: \(names.joined(separator: ", "))")
    }
  }

  public func studies() throws -> [StudyInfo] {
    try db.perform("listing the studies") {
      try db.execute("SELECT \(PostgresStudyStore.studyColumns) FROM study ORDER BY created, id").map(PostgresStudyStore.info)
    }
  }

  static let studyColumns = "id, name, experiment, script, with_words, space, sampler, pruner, seed, created"

  static func study(_ db: BlockingConnection, name: String) throws -> StudyInfo? {
    try db.query("SELECT \(unescaped: studyColumns) FROM study WHERE name = \(name)").first.map(info)
  }

  static func info(_ row: PostgresRow) throws -> StudyInfo {
    let (id, name, experiment, script, withText, spaceText, sampler, pruner, seed, created) =
      try row.decode((Int64, String, String, String, String, String, String, String, Int64, Double).self)
    let space: SearchSpace
    do { space = try SearchSpace(parsing: spaceText) } catch {
      throw SweepError("study '\(name)': its stored search space cannot be read: \(error)")
    }
    let with = try words(withText, study: name)
    let spec = StudySpec(name: name, experiment: experiment, script: script, with: with, space: space,
                         sampler: sampler, pruner: pruner, seed: UInt64(bitPattern: seed))
    return StudyInfo(id: id, spec: spec, created: created)
  }

  // MARK: text columns

  /// A list of words as a JSON array.
  static func json(_ words: [String]) -> String {
    "[" + words.map { ParamsText.quoted($0) }.joined(separator: ",") + "]"
  }

  static func words(_ text: String, study: String) throws -> [String] {
    guard let data = text.data(using: .utf8), let list = try? JSONSerialization.jsonObject(with: data) as? [String] else {
      throw SweepError("study '\(study)': its stored `with` settings are not a JSON list of words: \(text)")
    }
    return list
  }
}
