import Foundation
import GRDB
import Testing
@testable import RunStore

@Suite struct StoreFileTests {
  @Test func aNewStoreIsMarkedAsCrescentsWithItsSchema() throws {
    let dir = TempFolder()
    let path = dir.path("sub/crescent.db")
    _ = try RunStore(path: path)
    #expect(StoreFile.inspect(path) == .store(version: RunStore.schemaVersion))
    let q = try DatabaseQueue(path: path)
    let (appID, version, schema, journal, tables) = try q.read { db in
      (try Int.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
       try String.fetchOne(db, sql: "SELECT value FROM crescent_meta WHERE key = 'schema'"),
       try String.fetchOne(db, sql: "PRAGMA journal_mode"),
       try ["run", "series", "metric", "artifact", "curve", "crescent_meta", "study", "trial", "trial_value"].filter { try db.tableExists($0) })
    }
    #expect(appID == Int(StoreFile.applicationID))
    #expect(version == 3 && schema == "3" && journal == "wal")
    #expect(tables.count == 9)
  }

  @Test func reopeningAStoreKeepsItsRuns() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let r = try RunRecording(store: try RunStore(path: path), start: .test())
    try r.finish(.completed)
    let again = try RunStore(path: path)
    #expect(try again.runs().map(\.id) == [r.runID])
  }

  /// Refuses `path` and leaves every byte of it as it was.
  func expectRefused(_ path: String, saying words: String) throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect {
      _ = try RunStore(path: path)
    } throws: { error in
      "\(error)".contains(words) && "\(error)".contains(path) && "\(error)".contains("left untouched")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
    let dir = TempFolder()
    let path = dir.path("notes.db")
    try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
    try expectRefused(path, saying: "not a SQLite database")
  }

  @Test func anotherProgramsSQLiteDatabaseIsRefusedUntouched() throws {
    let dir = TempFolder()
    let path = dir.path("other.db")
    let q = try DatabaseQueue(path: path)
    try q.write { db in
      try db.execute(sql: "CREATE TABLE run (id TEXT PRIMARY KEY, x INTEGER); INSERT INTO run VALUES ('a', 1)")
    }
    try q.close()
    try expectRefused(path, saying: "another program")
  }

  @Test func aStoreFromANewerSchemaIsRefusedUntouched() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    do {
      let store = try RunStore(path: path)
      let r = try RunRecording(store: store, start: .test())
      try r.finish(.completed)
    }
    // A later Crescent's migration: the schema after this one's.
    let q = try DatabaseQueue(path: path)
    try q.write { db in
      try db.execute(sql: "ALTER TABLE run ADD COLUMN later TEXT; PRAGMA user_version = \(RunStore.schemaVersion + 1)")
    }
    try q.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE") }
    try q.close()
    try expectRefused(path, saying: "newer Crescent")
  }

  @Test func anEmptyFileBecomesANewStore() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    _ = FileManager.default.createFile(atPath: path, contents: Data())
    _ = try RunStore(path: path)
    #expect(StoreFile.inspect(path) == .store(version: RunStore.schemaVersion))
  }
}

@Suite struct StoreOpenedTwiceTests {
  @Test func aSecondConnectionOpensAStoreTheFirstStillHoldsOpen() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let first = try RunStore(path: path)
    let r = try RunRecording(store: first, start: .test())
    let second = try RunStore(path: path)
    #expect(try second.runs().map(\.id) == [r.runID])
  }

  @Test func anotherProgramsWALDatabaseWithoutAMarkIsRefusedUntouched() throws {
    let dir = TempFolder()
    let path = dir.path("other.db")
    let pool = try DatabasePool(path: path)
    try pool.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')") }
    try pool.close()
    #expect(StoreFile.inspect(path) == .unmarked)
    try StoreFileTests().expectRefused(path, saying: "another program")
  }
}
