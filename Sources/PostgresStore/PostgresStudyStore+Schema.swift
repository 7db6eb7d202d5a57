import PostgresNIO
import Sweeps

extension PostgresStudyStore {
  /// The schema version this code writes; a database from a newer one is refused.
  static let schemaVersion = 1
  /// The advisory lock key that serializes creating the schema ("crescent" in ASCII).
  static let schemaLock = Int64(bitPattern: 0x6372_6573_6365_6E74)

  /// Creates the tables when missing, in one transaction holding an advisory lock, so that
  /// workers starting together do not race; then checks the version row.
  ///
  /// A study: its name, what defines it (script, `with` words as a JSON list, the space in its
  /// text form, sampler, pruner, seed as the bits of a signed 64-bit integer) and when it was
  /// made. A trial: its number within the study, state, parameters (`ParamsText`), value,
  /// the worker holding it, its heartbeat, the run carrying it out, and when it was made,
  /// started and finished. Times are seconds since 1970 on the server's clock, one clock for
  /// every worker. Values are float8, sent in binary: every bit comes back.
  static func createSchema(_ db: BlockingConnection) throws {
    let version = try db.transaction("creating the study tables") { db -> Int in
      try db.query("SELECT pg_advisory_xact_lock(\(schemaLock))")
      try db.execute("""
        CREATE TABLE IF NOT EXISTS study_store_version (
          version INTEGER NOT NULL)
        """)
      try db.execute("""
        CREATE TABLE IF NOT EXISTS study (
          id BIGSERIAL PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          experiment TEXT NOT NULL,
          script TEXT NOT NULL,
          with_words TEXT NOT NULL,
          space TEXT NOT NULL,
          sampler TEXT NOT NULL,
          pruner TEXT NOT NULL,
          seed BIGINT NOT NULL,
          created DOUBLE PRECISION NOT NULL)
        """)
      try db.execute("""
        CREATE TABLE IF NOT EXISTS trial (
          study BIGINT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
          number BIGINT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('WAITING', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')),
          params TEXT NOT NULL,
          value DOUBLE PRECISION,
          worker TEXT,
          heartbeat DOUBLE PRECISION,
          run_id TEXT,
          created DOUBLE PRECISION NOT NULL,
          started DOUBLE PRECISION,
          finished DOUBLE PRECISION,
          PRIMARY KEY (study, number))
        """)
      try db.execute("CREATE INDEX IF NOT EXISTS trial_state ON trial (study, state, number)")
      try db.execute("""
        CREATE TABLE IF NOT EXISTS trial_value (
          study BIGINT NOT NULL,
          trial BIGINT NOT NULL,
          step BIGINT NOT NULL,
          value DOUBLE PRECISION NOT NULL,
          PRIMARY KEY (study, trial, step),
          FOREIGN KEY (study, trial) REFERENCES trial (study, number) ON DELETE CASCADE)
        """)
      let rows = try db.execute("SELECT version FROM study_store_version")
      guard let row = rows.first else {
        try db.query("INSERT INTO study_store_version (version) VALUES (\(schemaVersion))")
        return schemaVersion
      }
      return try row.decode(Int.self)
    }
    guard version <= schemaVersion else {
      throw SweepError("\(db.address): its study tables are of version \(version), newer than this Crescent reads (\(schemaVersion)); use a newer Crescent")
    }
  }
}
