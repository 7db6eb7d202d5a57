import Foundation
import GRDB

extension RunStore {
  /// Seconds between two heartbeats of a running run.
  public static let heartbeatInterval = 5.0
  /// A RUNNING run whose last heartbeat is older than this many seconds reads as DEAD: 30, or
  /// CRESCENT_STALE_AFTER when it is a non-negative number.
  public static let staleAfter: Double = {
    if let text = ProcessInfo.processInfo.environment["CRESCENT_STALE_AFTER"], let s = Double(text), s >= 0, s.isFinite { return s }
    return 30
  }()

  static func status(_ stored: String, heartbeat: Double, now: Double, staleAfter: Double) -> RunStatus {
    let s = RunStatus(rawValue: stored) ?? .failed
    return s == .running && now - heartbeat > staleAfter ? .dead : s
  }

  /// Every run, oldest first, with the last value of each of its series.
  public func runs(staleAfter: Double = RunStore.staleAfter) throws -> [RunRecord] {
    let now = Date().timeIntervalSince1970
    return try read { db in
      var records: [RunRecord] = []
      var index: [String: Int] = [:]
      // Table scans (no ORDER BY: an index walk would look every row up); sorted here.
      let rows = try Row.fetchCursor(db, sql: "SELECT id, experiment, status, started, stopped, heartbeat, seed, config, overrides, study, trial FROM run")
      while let row = try rows.next() {
        let id: String = row[0]
        index[id] = records.count
        records.append(RunRecord(id: id, experiment: row[1],
                                 status: RunStore.status(row[2], heartbeat: row[5], now: now, staleAfter: staleAfter),
                                 started: Date(timeIntervalSince1970: row[3]), stopped: (row[4] as Double?).map(Date.init(timeIntervalSince1970:)),
                                 heartbeat: Date(timeIntervalSince1970: row[5]),
                                 seed: (row[6] as Int64?).map { UInt64(bitPattern: $0) }, configJSON: row[7], overridesJSON: row[8]))
        records[records.count - 1].study = row[9]
        records[records.count - 1].trial = row[10]
      }
      let series = try Row.fetchCursor(db, sql: "SELECT run, key, last_value, last_bits FROM series WHERE count > 0")
      while let row = try series.next() {
        guard let i = index[row[0]] else { continue }
        records[i].lastValues.append((row[1], RunStore.value(row[2], row[3])))
      }
      for i in records.indices where records[i].lastValues.count > 1 { records[i].lastValues.sort { $0.key < $1.key } }
      records.sort { ($0.started, $0.id) < ($1.started, $1.id) }
      return records
    }
  }

  /// One run with everything recorded about it, or nil when the store has no run `id`.
  public func run(id: String, staleAfter: Double = RunStore.staleAfter) throws -> RunRecord? {
    let now = Date().timeIntervalSince1970
    return try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else { return nil }
      var r = RunRecord(id: row["id"], experiment: row["experiment"],
                        status: RunStore.status(row["status"], heartbeat: row["heartbeat"], now: now, staleAfter: staleAfter),
                        started: Date(timeIntervalSince1970: row["started"]),
                        stopped: (row["stopped"] as Double?).map(Date.init(timeIntervalSince1970:)),
                        heartbeat: Date(timeIntervalSince1970: row["heartbeat"]),
                        seed: (row["seed"] as Int64?).map { UInt64(bitPattern: $0) },
                        configJSON: row["config"], overridesJSON: row["overrides"])
      r.host = HostInfo(os: row["os"] ?? "", cpu: row["cpu"] ?? "", cores: row["cores"] ?? 0,
                        crescentVersion: row["crescent_version"] ?? "", gitCommit: row["git_commit"], gitDirty: row["git_dirty"])
      r.script = row["script"]; r.source = row["source"]; r.sha256 = row["sha256"]; r.recipesJSON = row["recipes"]
      r.folder = row["folder"]; r.resultJSON = row["result"]; r.infoJSON = row["info"]; r.error = row["error"]
      r.traceback = row["traceback"]; r.stdout = row["stdout"]; r.stderr = row["stderr"]
      r.study = row["study"]; r.trial = row["trial"]
      let series = try Row.fetchAll(db, sql: "SELECT key, last_value, last_bits FROM series WHERE run = ? AND count > 0 ORDER BY key", arguments: [id])
      r.lastValues = series.map { ($0[0], RunStore.value($0[1], $0[2])) }
      return r
    }
  }

  /// The series of run `id`: count, last point, smallest and largest value (NaN left out).
  public func seriesSummaries(run id: String) throws -> [SeriesSummary] {
    try read { db in
      try Row.fetchAll(db, sql: """
        SELECT key, count, last_step, last_value, last_bits, min_value, max_value
        FROM series WHERE run = ? AND count > 0 ORDER BY id
        """, arguments: [id]).map {
        SeriesSummary(key: $0[0], count: $0[1], lastStep: $0[2], last: RunStore.value($0[3], $0[4]), min: $0[5], max: $0[6])
      }
    }
  }

  /// The points of series `key` of run `id`, in the order they were logged.
  public func series(run id: String, key: String) throws -> [MetricPoint] {
    try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT id, count FROM series WHERE run = ? AND key = ?", arguments: [id, key]) else { return [] }
      let sid: Int64 = row[0]
      var points: [MetricPoint] = []
      points.reserveCapacity(row[1])
      let rows = try Row.fetchCursor(db, sql: "SELECT count, steps, bits, walls FROM metric WHERE series = ? ORDER BY seq", arguments: [sid])
      while let row = try rows.next() {
        let n: Int = row[0]
        let steps = PointChunk.values(row[1], count: n, as: Int64.self)
        let bits = PointChunk.values(row[2], count: n, as: UInt64.self)
        let walls = PointChunk.values(row[3], count: n, as: UInt64.self)
        for i in 0..<min(steps.count, bits.count, walls.count) {
          points.append(MetricPoint(step: Int(steps[i]), value: Double(bitPattern: bits[i]), wall: Double(bitPattern: walls[i])))
        }
      }
      return points
    }
  }

  /// The artifacts of run `id`, by name.
  public func artifacts(run id: String) throws -> [ArtifactRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT name, path, size, sha256 FROM artifact WHERE run = ? ORDER BY name", arguments: [id]).map {
        ArtifactRecord(name: $0[0], path: $0[1], size: $0[2], sha256: $0[3])
      }
    }
  }

  /// The curves run `id` logged (`run:log_curve`), in the order first logged: name and JSON text.
  public func curves(run id: String) throws -> [(name: String, json: String)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT name, json FROM curve WHERE run = ? ORDER BY seq, name", arguments: [id]).map { ($0[0], $0[1]) }
    }
  }

  /// Removes runs with their series, points and artifact records; returns their artifact folders.
  public func remove(runs ids: [String]) throws -> [String] {
    try write("remove runs from") { db in
      var folders: [String] = []
      for id in ids {
        if let folder = try String.fetchOne(db, sql: "SELECT folder FROM run WHERE id = ?", arguments: [id]) { folders.append(folder) }
        try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id])
      }
      return folders
    }
  }

  /// Marks run `id` as carrying out trial `trial` of study `study` (`crescent runs --study`
  /// lists a study's runs).
  public func link(run id: String, study: String, trial: Int) throws {
    try write("link a run to its trial in") { db in
      try db.execute(sql: "UPDATE run SET study = ?, trial = ? WHERE id = ?", arguments: [study, trial, id])
    }
  }

  /// The ids of the store's runs that start with `prefix` (a run can be named by a unique prefix).
  public func ids(matching prefix: String) throws -> [String] {
    try read { db in
      try String.fetchAll(db, sql: "SELECT id FROM run WHERE substr(id, 1, ?) = ? ORDER BY id", arguments: [prefix.count, prefix])
    }
  }
}
