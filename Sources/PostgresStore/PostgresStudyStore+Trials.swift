import PostgresNIO
import Sweeps

extension PostgresStudyStore {
  public func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
                    sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord? {
    try db.transaction("claiming a trial of study \(study)") { db -> TrialRecord? in
      // 1. Trials whose worker stopped beating go back to the queue; rows another claimer is
      // requeueing are skipped, not waited for.
      try db.query("""
        UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL
        WHERE study = \(study) AND number IN (
          SELECT number FROM trial WHERE study = \(study) AND state = 'RUNNING'
            AND (heartbeat IS NULL OR heartbeat < \(unescaped: PostgresStudyStore.now) - \(staleAfter))
          ORDER BY number FOR UPDATE SKIP LOCKED)
        """)
      // 2. The oldest waiting trial no other claimer holds; a new attempt starts without the
      // last one's values.
      if let row = try db.query("""
           SELECT number FROM trial WHERE study = \(study) AND state = 'WAITING'
           ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED
           """).first {
        let number = try row.decode(Int.self)
        try db.query("DELETE FROM trial_value WHERE study = \(study) AND trial = \(number)")
        let claimed = try db.query("""
          UPDATE trial SET state = 'RUNNING', worker = \(worker), heartbeat = \(unescaped: PostgresStudyStore.now),
            started = \(unescaped: PostgresStudyStore.now), run_id = NULL, value = NULL, finished = NULL
          WHERE study = \(study) AND number = \(number)
          RETURNING \(unescaped: PostgresStudyStore.trialColumns)
          """)
        return try claimed.first.map { try PostgresStudyStore.record($0, study: study) }
      }
      // 3. A new trial, made holding the study's row: trial numbers and the history the sampler
      // sees are one at a time. Waiting trials another claimer holds count as running.
      guard try db.query("SELECT id FROM study WHERE id = \(study) FOR UPDATE").first != nil else {
        throw SweepError("no study with id \(study) in the \(db.address)")
      }
      let (count, last) = try db.query("SELECT count(*), max(number) FROM trial WHERE study = \(study)")
        .first!.decode((Int, Int?).self)
      guard count < target else { return nil }
      let trials = try PostgresStudyStore.trials(db, study: study)
      let number = (last ?? -1) + 1
      let params = try sample(trials, number)
      let made = try db.query("""
        INSERT INTO trial (study, number, state, params, worker, heartbeat, created, started)
        VALUES (\(study), \(number), 'RUNNING', \(ParamsText.json(params)), \(worker),
                \(unescaped: PostgresStudyStore.now), \(unescaped: PostgresStudyStore.now), \(unescaped: PostgresStudyStore.now))
        RETURNING \(unescaped: PostgresStudyStore.trialColumns)
        """)
      return try made.first.map { try PostgresStudyStore.record($0, study: study) }
    }
  }

  public func heartbeat(study: Int64, trial: Int, runID: String?) throws {
    try db.perform("recording the heartbeat of trial \(trial) of study \(study)") {
      // A trial given back to the queue whose worker turns out alive is its worker's again.
      let result = try db.query("""
        UPDATE trial SET heartbeat = \(unescaped: PostgresStudyStore.now), run_id = COALESCE(\(runID), run_id),
          state = CASE state WHEN 'WAITING' THEN 'RUNNING' ELSE state END
        WHERE study = \(study) AND number = \(trial)
        """)
      guard result.metadata.rows ?? 0 > 0 else { throw try PostgresStudyStore.noTrial(db, study, trial) }
    }
  }

  public func report(study: Int64, trial: Int, step: Int, value: Double) throws {
    try db.perform("recording a value of trial \(trial) of study \(study)") {
      let result = try db.query("""
        INSERT INTO trial_value (study, trial, step, value)
        SELECT \(study), \(trial), \(step), \(value)
        WHERE EXISTS (SELECT 1 FROM trial WHERE study = \(study) AND number = \(trial))
        ON CONFLICT (study, trial, step) DO UPDATE SET value = EXCLUDED.value
        """)
      guard result.metadata.rows ?? 0 > 0 else { throw try PostgresStudyStore.noTrial(db, study, trial) }
    }
  }

  public func finish(study: Int64, trial: Int, state: TrialState, value: Double?) throws {
    guard state.isFinished else {
      throw SweepError("a trial finishes as COMPLETE, PRUNED or FAILED, not \(state.rawValue)")
    }
    try db.perform("recording the end of trial \(trial) of study \(study)") {
      let result = try db.query("""
        UPDATE trial SET state = \(state.rawValue), value = \(value), finished = \(unescaped: PostgresStudyStore.now),
          heartbeat = \(unescaped: PostgresStudyStore.now)
        WHERE study = \(study) AND number = \(trial)
        """)
      guard result.metadata.rows ?? 0 > 0 else { throw try PostgresStudyStore.noTrial(db, study, trial) }
    }
  }

  public func trials(study: Int64) throws -> [TrialRecord] {
    try db.perform("reading the trials of study \(study)") {
      guard try db.query("SELECT 1 FROM study WHERE id = \(study)").first != nil else {
        throw SweepError("no study with id \(study) in the \(db.address)")
      }
      return try PostgresStudyStore.trials(db, study: study)
    }
  }

  // MARK: rows

  /// A trial's columns, its reported values as arrays of steps and values beside them.
  static let trialColumns = """
    number, state, params, value, run_id, worker, heartbeat,
    ARRAY(SELECT v.step FROM trial_value v WHERE v.study = trial.study AND v.trial = trial.number ORDER BY v.step),
    ARRAY(SELECT v.value FROM trial_value v WHERE v.study = trial.study AND v.trial = trial.number ORDER BY v.step)
    """

  /// Every trial of the study, by number, read in one statement (one snapshot).
  static func trials(_ db: BlockingConnection, study: Int64) throws -> [TrialRecord] {
    try db.query("SELECT \(unescaped: trialColumns) FROM trial WHERE study = \(study) ORDER BY number")
      .map { try record($0, study: study) }
  }

  static func record(_ row: PostgresRow, study: Int64) throws -> TrialRecord {
    let (number, stateText, paramsText, value, runID, worker, heartbeat, steps, values) =
      try row.decode((Int, String, String, Double?, String?, String?, Double?, [Int], [Double]).self)
    guard let state = TrialState(rawValue: stateText) else {
      throw SweepError("trial \(number) of study \(study) has an unknown state '\(stateText)'")
    }
    var intermediate: [Int: Double] = [:]
    for (step, v) in zip(steps, values) { intermediate[step] = v }
    return TrialRecord(number: number, state: state, params: try ParamsText.read(paramsText, trial: number), value: value,
                       intermediate: intermediate, runID: runID, worker: worker, heartbeat: heartbeat)
  }

  static func noTrial(_ db: BlockingConnection, _ study: Int64, _ trial: Int) throws -> SweepError {
    guard let row = try db.query("SELECT name FROM study WHERE id = \(study)").first else {
      return SweepError("no study with id \(study) in the \(db.address)")
    }
    let name = try row.decode(String.self)
    return SweepError("study '\(name)' has no trial \(trial)")
  }
}
