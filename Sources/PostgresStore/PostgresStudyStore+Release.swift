import PostgresNIO
import Sweeps

extension PostgresStudyStore {
  @discardableResult
  public func release(study: Int64, trial: Int, worker: String) throws -> Bool {
    try db.transaction("giving trial \(trial) of study \(study) back to the queue") { db -> Bool in
      let result = try db.query("""
        UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL, run_id = NULL, value = NULL, finished = NULL
        WHERE study = \(study) AND number = \(trial) AND state = 'RUNNING' AND worker = \(worker)
        """)
      guard result.metadata.rows ?? 0 > 0 else {
        guard try db.query("SELECT 1 FROM trial WHERE study = \(study) AND number = \(trial)").first != nil else {
          throw try PostgresStudyStore.noTrial(db, study, trial)
        }
        return false
      }
      try db.query("DELETE FROM trial_value WHERE study = \(study) AND trial = \(trial)")
      return true
    }
  }
}
