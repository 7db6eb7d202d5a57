import Foundation
import GRDB
import Sweeps

extension SQLiteStudyStore {
  @discardableResult
  public func release(study: Int64, trial: Int, worker: String) throws -> Bool {
    try immediate("give a trial back to the queue in") { db in
      let revision = try SQLiteStudyStore.bump(db, study)
      try db.execute(sql: """
        UPDATE trial SET state = 'WAITING', worker = NULL, heartbeat = NULL, run = NULL, value = NULL, value_bits = NULL,
          finished = NULL, revision = ?
        WHERE study = ? AND number = ? AND state = 'RUNNING' AND worker = ?
        """, arguments: [revision, study, trial, worker])
      guard db.changesCount > 0 else {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM trial WHERE study = ? AND number = ?", arguments: [study, trial]) == true else {
          throw try SQLiteStudyStore.noTrial(db, study, trial)
        }
        return false
      }
      try db.execute(sql: "DELETE FROM trial_value WHERE study = ? AND trial = ?", arguments: [study, trial])
      return true
    }
  }
}
