import Foundation
import GRDB
import Sweeps

extension SQLiteStudyStore {
  public func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
                    sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord? {
    var base = taken(study)
    let (trial, seen) = try immediate("claim a trial in") { db -> (TrialRecord?, TrialCache?) in
      let now = Date().timeIntervalSince1970
      let revision = try SQLiteStudyStore.bump(db, study)
      // 1. Trials whose worker stopped beating go back to the queue.
      try db.execute(sql: """
        UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL, revision = ?
        WHERE study = ? AND state = 'RUNNING' AND (heartbeat IS NULL OR heartbeat < ?)
        """, arguments: [revision, study, now - staleAfter])
      // 2. The oldest waiting trial; a new attempt starts without the last one's values.
      if let number = try Int.fetchOne(db, sql: "SELECT MIN(number) FROM trial WHERE study = ? AND state = 'WAITING'", arguments: [study]) {
        try db.execute(sql: "DELETE FROM trial_value WHERE study = ? AND trial = ?", arguments: [study, number])
        try db.execute(sql: """
          UPDATE trial SET state = 'RUNNING', worker = ?, heartbeat = ?, started = ?, run = NULL,
            value = NULL, value_bits = NULL, finished = NULL, revision = ?
          WHERE study = ? AND number = ?
          """, arguments: [worker, now, now, revision, study, number])
        return (try SQLiteStudyStore.trial(db, study: study, number: number), nil)
      }
      // 3. A new trial, while fewer than `target` are finished or running.
      let counted = try Int.fetchOne(db, sql: """
        SELECT COUNT(*) FROM trial WHERE study = ? AND state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')
        """, arguments: [study]) ?? 0
      guard counted < target else { return (nil, nil) }
      var cache = base ?? TrialCache(revision: -1)
      base = nil  // the only reference to the kept trials is `cache`: changed in place
      try SQLiteStudyStore.refresh(db, study: study, &cache)
      let number = (cache.trials.last?.number ?? -1) + 1
      let params = try sample(cache.trials, number)
      try db.execute(sql: """
        INSERT INTO trial (study, number, state, params, worker, heartbeat, started, revision)
        VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?)
        """, arguments: [study, number, TrialParams.json(params), worker, now, now, revision])
      let made = TrialRecord(number: number, state: .running, params: params, worker: worker, heartbeat: now)
      cache.put(made)
      return (made, cache)
    }
    // Kept once committed: a transaction rolled back leaves the trials as they were.
    if let seen { keep(seen, for: study) } else if let base { keep(base, for: study) }
    return trial
  }

  public func heartbeat(study: Int64, trial: Int, runID: String?) throws {
    try immediate("record a trial's heartbeat in") { db in
      let revision = try SQLiteStudyStore.bump(db, study)
      // A trial given back to the queue whose worker turns out alive is its worker's again.
      try db.execute(sql: """
        UPDATE trial SET heartbeat = ?, run = COALESCE(?, run), revision = ?,
          state = CASE state WHEN 'WAITING' THEN 'RUNNING' ELSE state END
        WHERE study = ? AND number = ?
        """, arguments: [Date().timeIntervalSince1970, runID, revision, study, trial])
      guard db.changesCount > 0 else { throw try SQLiteStudyStore.noTrial(db, study, trial) }
      if let runID {
        let name = try String.fetchOne(db, sql: "SELECT name FROM study WHERE id = ?", arguments: [study])
        try db.execute(sql: "UPDATE run SET study = ?, trial = ? WHERE id = ?", arguments: [name, trial, runID])
      }
    }
  }

  public func report(study: Int64, trial: Int, step: Int, value: Double) throws {
    try immediate("record a trial's value in") { db in
      let revision = try SQLiteStudyStore.bump(db, study)
      try db.execute(sql: "UPDATE trial SET revision = ? WHERE study = ? AND number = ?", arguments: [revision, study, trial])
      guard db.changesCount > 0 else { throw try SQLiteStudyStore.noTrial(db, study, trial) }
      let (real, bits) = RunStore.stored(value)
      try db.execute(sql: "INSERT OR REPLACE INTO trial_value (study, trial, step, value, bits) VALUES (?, ?, ?, ?, ?)",
                     arguments: [study, trial, step, real, bits])
    }
  }

  public func finish(study: Int64, trial: Int, state: TrialState, value: Double?) throws {
    guard state.isFinished else {
      throw SweepError("a trial finishes as COMPLETE, PRUNED or FAILED, not \(state.rawValue)")
    }
    try immediate("record the end of a trial in") { db in
      let now = Date().timeIntervalSince1970
      let revision = try SQLiteStudyStore.bump(db, study)
      let (real, bits) = value.map(RunStore.stored) ?? (nil, nil)
      try db.execute(sql: """
        UPDATE trial SET state = ?, value = ?, value_bits = ?, finished = ?, heartbeat = ?, revision = ?
        WHERE study = ? AND number = ?
        """, arguments: [state.rawValue, real, bits, now, now, revision, study, trial])
      guard db.changesCount > 0 else { throw try SQLiteStudyStore.noTrial(db, study, trial) }
    }
  }

  public func trials(study: Int64) throws -> [TrialRecord] {
    var cache = cached(study) ?? TrialCache(revision: -1)
    try read { db in
      try SQLiteStudyStore.requireStudy(db, study)
      try SQLiteStudyStore.refresh(db, study: study, &cache)
    }
    keep(cache, for: study)
    return cache.trials
  }

  // MARK: rows

  /// Counts up the study's revision for a change to its trials; the new revision marks the
  /// trials the change touches.
  static func bump(_ db: Database, _ study: Int64) throws -> Int64 {
    try db.execute(sql: "UPDATE study SET revision = revision + 1 WHERE id = ?", arguments: [study])
    guard db.changesCount > 0 else { throw SweepError("no study with id \(study) in the store") }
    return try Int64.fetchOne(db, sql: "SELECT revision FROM study WHERE id = ?", arguments: [study]) ?? 0
  }

  /// Brings `cache` (the study's trials as of an earlier revision, or none: revision -1) to
  /// the study's revision now, reading the trials changed since.
  static func refresh(_ db: Database, study: Int64, _ cache: inout TrialCache) throws {
    let revision = try Int64.fetchOne(db, sql: "SELECT revision FROM study WHERE id = ?", arguments: [study]) ?? 0
    // Trials from a later revision are of a study since removed and made again: start over.
    if cache.revision > revision { cache = TrialCache(revision: -1) }
    if cache.revision == revision { return }
    let rows = try Row.fetchCursor(db, sql: """
      SELECT number, state, params, value, value_bits, run, worker, heartbeat FROM trial WHERE study = ? AND revision > ?
      """, arguments: [study, cache.revision])
    var changed: [Int] = []
    while let row = try rows.next() {
      let r = try record(row, study: study)
      cache.put(r)
      changed.append(r.number)
    }
    if cache.revision < 0 || changed.count > 64 {
      let wanted = Set(changed)
      let values = try Row.fetchCursor(db, sql: "SELECT trial, step, value, bits FROM trial_value WHERE study = ?", arguments: [study])
      while let row = try values.next() {
        let n: Int = row[0]
        guard wanted.contains(n) else { continue }
        cache.setIntermediate(RunStore.value(row[2], row[3]), step: row[1], trial: n)
      }
    } else {
      let values = try db.cachedStatement(sql: "SELECT step, value, bits FROM trial_value WHERE study = ? AND trial = ?")
      for n in changed {
        let rows = try Row.fetchCursor(values, arguments: [study, n])
        while let row = try rows.next() { cache.setIntermediate(RunStore.value(row[1], row[2]), step: row[0], trial: n) }
      }
    }
    cache.revision = revision
  }

  static func trial(_ db: Database, study: Int64, number: Int) throws -> TrialRecord? {
    guard let row = try Row.fetchOne(db, sql: """
      SELECT number, state, params, value, value_bits, run, worker, heartbeat FROM trial WHERE study = ? AND number = ?
      """, arguments: [study, number]) else { return nil }
    var r = try record(row, study: study)
    for v in try Row.fetchAll(db, sql: "SELECT step, value, bits FROM trial_value WHERE study = ? AND trial = ?", arguments: [study, number]) {
      r.intermediate[v[0]] = RunStore.value(v[1], v[2])
    }
    return r
  }

  static func record(_ row: Row, study: Int64) throws -> TrialRecord {
    let number: Int = row[0]
    let stateText: String = row[1]
    guard let state = TrialState(rawValue: stateText) else {
      throw SweepError("trial \(number) of study \(study) has an unknown state '\(stateText)'")
    }
    let params = try TrialParams.read(row[2], trial: number)
    let real: Double? = row[3], bits: Int64? = row[4]
    let value: Double? = real == nil && bits == nil ? nil : RunStore.value(real, bits)
    return TrialRecord(number: number, state: state, params: params, value: value, runID: row[5], worker: row[6], heartbeat: row[7])
  }

  static func requireStudy(_ db: Database, _ study: Int64) throws {
    guard try Bool.fetchOne(db, sql: "SELECT 1 FROM study WHERE id = ?", arguments: [study]) == true else {
      throw SweepError("no study with id \(study) in the store")
    }
  }

  static func noTrial(_ db: Database, _ study: Int64, _ trial: Int) throws -> SweepError {
    guard let name = try String.fetchOne(db, sql: "SELECT name FROM study WHERE id = ?", arguments: [study]) else {
      return SweepError("no study with id \(study) in the store")
    }
    return SweepError("study '\(name)' has no trial \(trial)")
  }
}
