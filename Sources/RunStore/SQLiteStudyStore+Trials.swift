import Foundation
import GRDB
import Sweeps

extension SQLiteStudyStore {
  public func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
                    sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord? {
    try immediate("claim a trial in") { db in
      let now = Date().timeIntervalSince1970
      try SQLiteStudyStore.requireStudy(db, study)
      // 1. Trials whose worker stopped beating go back to the queue.
      try db.execute(sql: """
        UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL
        WHERE study = ? AND state = 'RUNNING' AND (heartbeat IS NULL OR heartbeat < ?)
        """, arguments: [study, now - staleAfter])
      // 2. The oldest waiting trial; a new attempt starts without the last one's values.
      if let number = try Int.fetchOne(db, sql: "SELECT MIN(number) FROM trial WHERE study = ? AND state = 'WAITING'", arguments: [study]) {
        try db.execute(sql: "DELETE FROM trial_value WHERE study = ? AND trial = ?", arguments: [study, number])
        try db.execute(sql: """
          UPDATE trial SET state = 'RUNNING', worker = ?, heartbeat = ?, started = ?, run = NULL,
            value = NULL, value_bits = NULL, finished = NULL
          WHERE study = ? AND number = ?
          """, arguments: [worker, now, now, study, number])
        return try SQLiteStudyStore.trial(db, study: study, number: number)
      }
      // 3. A new trial, while fewer than `target` are finished or running.
      let counted = try Int.fetchOne(db, sql: """
        SELECT COUNT(*) FROM trial WHERE study = ? AND state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')
        """, arguments: [study]) ?? 0
      guard counted < target else { return nil }
      let trials = try SQLiteStudyStore.trials(db, study: study)
      let number = (trials.map(\.number).max() ?? -1) + 1
      let params = try sample(trials, number)
      try db.execute(sql: """
        INSERT INTO trial (study, number, state, params, worker, heartbeat, started)
        VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)
        """, arguments: [study, number, TrialParams.json(params), worker, now, now])
      return TrialRecord(number: number, state: .running, params: params, worker: worker, heartbeat: now)
    }
  }

  public func heartbeat(study: Int64, trial: Int, runID: String?) throws {
    try immediate("record a trial's heartbeat in") { db in
      // A trial given back to the queue whose worker turns out alive is its worker's again.
      try db.execute(sql: """
        UPDATE trial SET heartbeat = ?, run = COALESCE(?, run),
          state = CASE state WHEN 'WAITING' THEN 'RUNNING' ELSE state END
        WHERE study = ? AND number = ?
        """, arguments: [Date().timeIntervalSince1970, runID, study, trial])
      guard db.changesCount > 0 else { throw try SQLiteStudyStore.noTrial(db, study, trial) }
      if let runID {
        let name = try String.fetchOne(db, sql: "SELECT name FROM study WHERE id = ?", arguments: [study])
        try db.execute(sql: "UPDATE run SET study = ?, trial = ? WHERE id = ?", arguments: [name, trial, runID])
      }
    }
  }

  public func report(study: Int64, trial: Int, step: Int, value: Double) throws {
    try immediate("record a trial's value in") { db in
      guard try Bool.fetchOne(db, sql: "SELECT 1 FROM trial WHERE study = ? AND number = ?", arguments: [study, trial]) == true else {
        throw try SQLiteStudyStore.noTrial(db, study, trial)
      }
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
      let (real, bits) = value.map(RunStore.stored) ?? (nil, nil)
      try db.execute(sql: """
        UPDATE trial SET state = ?, value = ?, value_bits = ?, finished = ?, heartbeat = ?
        WHERE study = ? AND number = ?
        """, arguments: [state.rawValue, real, bits, now, now, study, trial])
      guard db.changesCount > 0 else { throw try SQLiteStudyStore.noTrial(db, study, trial) }
    }
  }

  public func trials(study: Int64) throws -> [TrialRecord] {
    try read { db in
      try SQLiteStudyStore.requireStudy(db, study)
      return try SQLiteStudyStore.trials(db, study: study)
    }
  }

  // MARK: rows

  static func trials(_ db: Database, study: Int64) throws -> [TrialRecord] {
    var out: [TrialRecord] = []
    var index: [Int: Int] = [:]
    let rows = try Row.fetchCursor(db, sql: """
      SELECT number, state, params, value, value_bits, run, worker, heartbeat FROM trial WHERE study = ? ORDER BY number
      """, arguments: [study])
    while let row = try rows.next() {
      index[row[0]] = out.count
      out.append(try record(row, study: study))
    }
    let values = try Row.fetchCursor(db, sql: "SELECT trial, step, value, bits FROM trial_value WHERE study = ?", arguments: [study])
    while let row = try values.next() {
      guard let i = index[row[0]] else { continue }
      out[i].intermediate[row[1]] = RunStore.value(row[2], row[3])
    }
    return out
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
