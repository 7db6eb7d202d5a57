import GRDB

extension RunStore {
  /// The newest schema this Crescent reads and writes (kept in PRAGMA user_version and in
  /// crescent_meta). A store from a newer schema is refused, never migrated down.
  public static let schemaVersion = 3

  /// Each schema version, in order.
  ///
  /// Metric points are stored in chunks: one `metric` row holds the points of one series that
  /// one batched write brought (`count` of them, from the series' point number `seq`), as three
  /// little-endian arrays: steps (int64), values (the IEEE 754 bit patterns, so NaN, its payload
  /// and the sign of zero come back exactly; SQLite's REAL keeps neither) and wall times
  /// (float64 seconds since 1970). A row per point cost about 5 µs a point here; a chunk costs
  /// one row per series per batch. `series` keeps each series' count, last point, and smallest
  /// and largest value (NaN left out) as plain columns, for listings and SQL.
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(StoreFile.applicationID)")
      try db.execute(sql: """
        CREATE TABLE crescent_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE run (
          id TEXT PRIMARY KEY,
          experiment TEXT NOT NULL,
          status TEXT NOT NULL,
          started REAL NOT NULL,
          stopped REAL,
          heartbeat REAL NOT NULL,
          os TEXT, cpu TEXT, cores INTEGER, crescent_version TEXT,
          git_commit TEXT, git_dirty INTEGER,
          seed INTEGER,
          config TEXT, overrides TEXT,
          script TEXT, source TEXT, sha256 TEXT, recipes TEXT,
          folder TEXT,
          result TEXT, info TEXT, error TEXT, traceback TEXT,
          stdout TEXT, stderr TEXT);
        CREATE INDEX run_started ON run(started);
        CREATE TABLE series (
          id INTEGER PRIMARY KEY,
          run TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          count INTEGER NOT NULL DEFAULT 0,
          last_step INTEGER, last_value REAL, last_bits INTEGER,
          min_value REAL, max_value REAL,
          UNIQUE (run, key));
        CREATE TABLE metric (
          series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          count INTEGER NOT NULL,
          steps BLOB NOT NULL,
          bits BLOB NOT NULL,
          walls BLOB NOT NULL,
          PRIMARY KEY (series, seq)) WITHOUT ROWID;
        CREATE TABLE artifact (
          run TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          path TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          PRIMARY KEY (run, name));
        INSERT INTO crescent_meta (key, value) VALUES ('application', 'crescent run store');
        """)
      try db.execute(sql: "INSERT INTO crescent_meta (key, value) VALUES ('schema', ?)", arguments: ["1"])
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    // Schema 2: the curves a run logged (`run:log_curve`), one row per name, as JSON text
    // (what `Value.json` writes: tables as objects, NaN as "nan").
    m.registerMigration("v2 curves") { db in
      try db.execute(sql: """
        CREATE TABLE curve (
          run TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          seq INTEGER NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (run, name));
        UPDATE crescent_meta SET value = '2' WHERE key = 'schema';
        PRAGMA user_version = 2;
        """)
    }
    // Schema 3: sweeps. A study (its name, script, search space in its text form, sampler,
    // pruner, seed), its trials (parameters as a JSON object of numbers in Swift's round-trip
    // text, so every bit comes back), the values trials report on the way, and on each run the
    // study and trial it carries out. Values are kept as metric values are: a REAL column, and
    // the bit pattern where REAL would lose it (NaN, -0.0). Tables first: a second process
    // migrating at the same moment fails on them and opens again.
    m.registerMigration("v3 studies") { db in
      try db.execute(sql: """
        CREATE TABLE study (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          experiment TEXT NOT NULL,
          script TEXT NOT NULL,
          with_words TEXT NOT NULL,
          space TEXT NOT NULL,
          sampler TEXT NOT NULL,
          pruner TEXT NOT NULL,
          seed INTEGER NOT NULL,
          created REAL NOT NULL);
        CREATE TABLE trial (
          study INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
          number INTEGER NOT NULL,
          state TEXT NOT NULL,
          params TEXT NOT NULL,
          value REAL, value_bits INTEGER,
          worker TEXT, heartbeat REAL,
          run TEXT,
          started REAL, finished REAL,
          PRIMARY KEY (study, number)) WITHOUT ROWID;
        CREATE INDEX trial_state ON trial(study, state, number);
        CREATE TABLE trial_value (
          study INTEGER NOT NULL,
          trial INTEGER NOT NULL,
          step INTEGER NOT NULL,
          value REAL, bits INTEGER,
          PRIMARY KEY (study, trial, step),
          FOREIGN KEY (study, trial) REFERENCES trial(study, number) ON DELETE CASCADE) WITHOUT ROWID;
        ALTER TABLE run ADD COLUMN study TEXT;
        ALTER TABLE run ADD COLUMN trial INTEGER;
        CREATE INDEX run_study ON run(study);
        UPDATE crescent_meta SET value = '3' WHERE key = 'schema';
        PRAGMA user_version = 3;
        """)
    }
    return m
  }

  /// A metric value as stored: (REAL column, bits column).
  static func stored(_ value: Double) -> (Double?, Int64?) {
    if value.isNaN || (value == 0 && value.sign == .minus) { return (nil, Int64(bitPattern: value.bitPattern)) }
    return (value, nil)
  }

  /// A metric value read back from its two columns.
  static func value(_ real: Double?, _ bits: Int64?) -> Double {
    if let bits { return Double(bitPattern: UInt64(bitPattern: bits)) }
    return real ?? .nan
  }
}
