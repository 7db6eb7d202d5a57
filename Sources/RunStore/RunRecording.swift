import Catalog
import Foundation
import GRDB

/// One run being recorded: its row is RUNNING from the start, a heartbeat keeps it fresh, its
/// metric points are buffered and written in batched transactions (when the buffer fills, when
/// `flushInterval` has passed, and at the end), and `finish` writes how it ended.
public final class RunRecording: RunRecorder, @unchecked Sendable {  // mutable state behind `lock`
  public let store: RunStore
  public let runID: String
  /// Points buffered before a write.
  public var batchSize = 8192
  /// Seconds after which buffered points are written at the next point.
  public var flushInterval = 2.0

  private let lock = NSLock()
  /// The series logged so far by position (the first logged is 0), the buffered points of
  /// each, the positions with points in the buffer (in the order they first got one), and how
  /// many points the buffer holds.
  private var keys: [String] = []
  private var keyIndex: [String: Int] = [:]
  private var buffers: [PointChunk] = []
  private var buffered: [Int] = []
  private var pendingCount = 0
  private var lastFlush = Date().timeIntervalSince1970
  /// Each series' id and next sequence number, once it has a row.
  private var seriesIDs: [Int: (id: Int64, next: Int64)] = [:]
  private var firstFailure: Error?
  private var timer: DispatchSourceTimer?
  private var stdoutText = CappedText(), stderrText = CappedText()
  /// For a reopened run: each series' last stored step. A point at or before it is one the run
  /// stored before it stopped, made again as the run repeats its way to the checkpoint: it is
  /// not written twice.
  private var storedUpTo: [String: Int] = [:]

  /// Starts a run: writes its row (RUNNING), under a fresh id unless `id` is given.
  public init(store: RunStore, start: RunStart, id: String? = nil) throws {
    self.store = store
    let now = Date().timeIntervalSince1970
    var chosen = id ?? RunRecording.newID()
    var attempts = 0
    while true {
      do {
        try store.write("record a run in") { db in
          try db.execute(sql: """
            INSERT INTO run (id, experiment, status, started, heartbeat, os, cpu, cores, crescent_version,
              git_commit, git_dirty, seed, config, overrides, script, source, sha256, recipes, folder)
            VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [chosen, start.experiment, now, now, start.host.os, start.host.cpu, start.host.cores,
                             start.host.crescentVersion, start.host.gitCommit, start.host.gitDirty,
                             start.seed.map { Int64(bitPattern: $0) }, start.configJSON, start.overridesJSON,
                             start.script, start.source, start.source.map { SHA256.hex(Data($0.utf8)) },
                             start.recipesJSON, start.runsDirectory.map { ($0 as NSString).appendingPathComponent(chosen) }])
        }
        break
      } catch {
        // Two runs started in the same second may draw the same id: draw again.
        attempts += 1
        let taken = (try? store.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM run WHERE id = ?", arguments: [chosen]) }) ?? nil
        guard id == nil, taken == true, attempts < 20 else { throw error }
        chosen = RunRecording.newID()
      }
    }
    runID = chosen
  }

  /// Reopens run `id` to continue it (`crescent resume`): an INTERRUPTED, FAILED or DEAD run
  /// (RUNNING with a heartbeat older than `staleAfter`) goes back to RUNNING; its series carry
  /// on after their stored points, its captured output after what it printed. A COMPLETED
  /// run, or one still running, is refused.
  public init(store: RunStore, reopening id: String, staleAfter: Double = RunStore.staleAfter) throws {
    self.store = store
    runID = id
    guard let record = try store.run(id: id, staleAfter: staleAfter) else { throw StoreError("no run '\(id)' in '\(store.path)'") }
    switch record.status {
    case .completed, .pruned: throw StoreError("run \(id) is \(record.status.rawValue): only an INTERRUPTED, FAILED or DEAD run can be resumed")
    case .running: throw StoreError("run \(id) is RUNNING (its heartbeat is fresh): stop it, or wait until it shows as DEAD, before resuming it")
    case .failed, .interrupted, .dead: break
    }
    let now = Date().timeIntervalSince1970
    let series = try store.write("reopen a run in") { db -> [(id: Int64, key: String, count: Int64, last: Int?)] in
      try db.execute(sql: """
        UPDATE run SET status = 'RUNNING', stopped = NULL, heartbeat = ?, result = NULL, error = NULL, traceback = NULL
        WHERE id = ?
        """, arguments: [now, id])
      return try Row.fetchAll(db, sql: "SELECT id, key, count, last_step FROM series WHERE run = ? ORDER BY id", arguments: [id])
        .map { ($0[0], $0[1], $0[2], $0[3]) }
    }
    for s in series {
      keyIndex[s.key] = keys.count
      seriesIDs[keys.count] = (s.id, s.count)
      keys.append(s.key)
      buffers.append(PointChunk())
      if let last = s.last { storedUpTo[s.key] = last }
    }
    stdoutText.append(record.stdout ?? "")
    stderrText.append(record.stderr ?? "")
  }

  /// A sortable, unique enough id: `20250614-122455-3fa1`.
  public static func newID(now: Date = Date()) -> String {
    var t = time_t(now.timeIntervalSince1970.rounded(.down))
    var p = tm()
    gmtime_r(&t, &p)
    return String(format: "%04d%02d%02d-%02d%02d%02d-%04x", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec,
                  UInt16.random(in: 0...UInt16.max))
  }

  /// Writes the heartbeat (and any buffered points) every `interval` seconds until the run ends.
  public func startHeartbeat(interval: Double = RunStore.heartbeatInterval) {
    let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    t.schedule(deadline: .now() + interval, repeating: interval)
    t.setEventHandler { [weak self] in self?.beat() }
    t.resume()
    lock.withLock { timer = t }
  }

  func beat() {
    try? flush()
    let now = Date().timeIntervalSince1970
    do {
      try store.write("update the heartbeat in") { db in
        try db.execute(sql: "UPDATE run SET heartbeat = ? WHERE id = ?", arguments: [now, runID])
      }
    } catch { note(error) }
  }

  // MARK: what the run records as it goes

  public func log(_ key: String, _ value: Double, step: Int) {
    let now = Date().timeIntervalSince1970
    let due: Bool = lock.withLock {
      if let last = storedUpTo[key], step <= last { return false }
      let k: Int
      if let known = keyIndex[key] { k = known } else {
        k = keys.count
        keys.append(key)
        keyIndex[key] = k
        buffers.append(PointChunk())
      }
      if buffers[k].count == 0 { buffered.append(k) }
      buffers[k].append(step: step, value: value, wall: now)
      pendingCount += 1
      return pendingCount >= batchSize || now - lastFlush >= flushInterval
    }
    if due { try? flush() }
  }

  /// Writes the buffered points in one transaction: one `metric` row per series. A failure is
  /// kept (`failure`) and thrown.
  public func flush() throws {
    try lock.withLock {
      defer {
        for k in buffered { buffers[k].removeAll() }
        buffered.removeAll(keepingCapacity: true)
        pendingCount = 0
        lastFlush = Date().timeIntervalSince1970
      }
      guard pendingCount > 0 else { return }
      var ids = seriesIDs
      do {
        try store.write("write metrics to") { db in
          let newSeries = try db.cachedStatement(sql: "INSERT INTO series (run, key) VALUES (?, ?)")
          let insert = try db.cachedStatement(sql: "INSERT INTO metric (series, seq, count, steps, bits, walls) VALUES (?, ?, ?, ?, ?, ?)")
          let summary = try db.cachedStatement(sql: """
            UPDATE series SET count = ?1, last_step = ?2, last_value = ?3, last_bits = ?4,
              min_value = CASE WHEN min_value IS NULL OR ?5 < min_value THEN ?5 ELSE min_value END,
              max_value = CASE WHEN max_value IS NULL OR ?6 > max_value THEN ?6 ELSE max_value END
            WHERE id = ?7
            """)
          for k in buffered {
            let chunk = buffers[k]
            var entry: (id: Int64, next: Int64)
            if let e = ids[k] { entry = e } else {
              try newSeries.execute(arguments: [runID, keys[k]])
              entry = (db.lastInsertedRowID, 0)
            }
            try insert.execute(arguments: [entry.id, entry.next, chunk.count, PointChunk.bytes(chunk.steps),
                                            PointChunk.bytes(chunk.bits), PointChunk.bytes(chunk.walls)])
            entry.next += Int64(chunk.count)
            ids[k] = entry
            var lo = Double.infinity, hi = -Double.infinity, any = false
            for b in chunk.bits {
              let v = Double(bitPattern: b)
              if v.isNaN { continue }
              any = true
              lo = Swift.min(lo, v)
              hi = Swift.max(hi, v)
            }
            let (real, bits) = RunStore.stored(Double(bitPattern: chunk.bits.last!))
            try summary.execute(arguments: [entry.next, chunk.steps.last!, real, bits, any ? lo : nil, any ? hi : nil, entry.id])
          }
        }
      } catch {
        if firstFailure == nil { firstFailure = error }
        throw error
      }
      seriesIDs = ids
    }
  }

  public func history(_ key: String) throws -> [(step: Int, value: Double)] {
    try flush()
    return try store.series(run: runID, key: key).map { ($0.step, $0.value) }
  }

  public func recordArtifact(name: String, path: String, contents: Data) throws {
    let hash = SHA256.hex(contents)
    do {
      try store.write("record an artifact in") { db in
        try db.execute(sql: "INSERT OR REPLACE INTO artifact (run, name, path, size, sha256) VALUES (?, ?, ?, ?, ?)",
                       arguments: [runID, name, path, contents.count, hash])
      }
    } catch { note(error); throw error }
  }

  /// A curve under `name` (a later one of the same name replaces it, keeping its place).
  public func recordCurve(_ name: String, _ curve: Value) throws {
    let json = curve.json
    do {
      try store.write("record a curve in") { db in
        let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM curve WHERE run = ? AND name = ?", arguments: [runID, name])
          ?? (Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM curve WHERE run = ?", arguments: [runID]) ?? 1)
        try db.execute(sql: "INSERT OR REPLACE INTO curve (run, name, seq, json) VALUES (?, ?, ?, ?)", arguments: [runID, name, seq, json])
      }
    } catch { note(error); throw error }
  }

  public var failure: Error? { lock.withLock { firstFailure } }

  private func note(_ error: Error) { lock.withLock { if firstFailure == nil { firstFailure = error } } }

  /// Keeps what the run printed (standard output) or reported (standard error).
  public func capture(stdout text: String) { lock.withLock { stdoutText.append(text) } }
  public func capture(stderr text: String) { lock.withLock { stderrText.append(text) } }

  /// Updates what became known once the script declared its experiment.
  public func update(experiment: String, seed: UInt64?, configJSON: String?, overridesJSON: String?) throws {
    try store.write("record a run in") { db in
      try db.execute(sql: "UPDATE run SET experiment = ?, seed = ?, config = ?, overrides = ? WHERE id = ?",
                     arguments: [experiment, seed.map { Int64(bitPattern: $0) }, configJSON, overridesJSON, runID])
    }
  }

  /// Updates the recipes the script required (name -> sha256 JSON).
  public func update(recipesJSON: String) throws {
    try store.write("record a run in") { db in
      try db.execute(sql: "UPDATE run SET recipes = ? WHERE id = ?", arguments: [recipesJSON, runID])
    }
  }

  /// Ends the run: writes the buffered points, then its status and what it left. Throws the
  /// first write failure of the run, if any, after recording what it can.
  public func finish(_ status: RunStatus, resultJSON: String? = nil, infoJSON: String? = nil,
                     error: String? = nil, traceback: String? = nil) throws {
    let t: DispatchSourceTimer? = lock.withLock { defer { timer = nil }; return timer }
    t?.cancel()
    var flushError: Error?
    do { try flush() } catch { flushError = error }
    let (out, err) = lock.withLock { (stdoutText.text, stderrText.text) }
    let now = Date().timeIntervalSince1970
    try store.write("record the end of a run in") { db in
      try db.execute(sql: """
        UPDATE run SET status = ?, stopped = ?, heartbeat = ?, result = ?, info = ?, error = ?, traceback = ?,
          stdout = ?, stderr = ? WHERE id = ?
        """, arguments: [status.rawValue, now, now, resultJSON, infoJSON, error, traceback, out, err, runID])
    }
    if let e = failure ?? flushError { throw e }
  }
}

/// Text kept up to a limit, so a run that prints without end cannot fill the store.
struct CappedText {
  static let limit = 8 << 20
  private(set) var text = ""
  private var count = 0
  private var cut = false
  mutating func append(_ s: String) {
    guard !cut else { return }
    let n = s.utf8.count
    if count + n <= CappedText.limit { text += s; count += n; return }
    text += String(decoding: Array(s.utf8.prefix(CappedText.limit - count)), as: UTF8.self)
    text += "\n[output cut at \(CappedText.limit) bytes]\n"
    cut = true
  }
}
