import Foundation
import PostgresStore
import RunStore
import Sweeps

/// The study store `--store` names: PostgreSQL for a postgres:// address, else the run store's
/// SQLite file (by default the one runs are recorded in).
enum StudyStores {
  static func isPostgres(_ store: String?) -> Bool {
    store.map { $0.hasPrefix("postgres://") || $0.hasPrefix("postgresql://") } ?? false
  }

  /// The store: `store` (a file or a postgres:// address), else the run store at `runStorePath`.
  static func open(store: String?, runStorePath: String) throws -> StudyStore {
    if let store, isPostgres(store) { return try PostgresStudyStore(url: store) }
    return SQLiteStudyStore(store: try OpenRunStores.store(at: runStorePath))
  }

  static func open(_ options: SweepOptions) throws -> StudyStore {
    try open(store: options.store, runStorePath: options.runStorePath)
  }
}
