import Foundation
import GRDB

/// One SQLite file holding every recorded run (`runs/crescent.db` by default): the runs, their
/// metric series, their artifacts. Opened in WAL mode with a busy timeout, so many processes
/// record into one store at once. A file that is not a Crescent run store, or comes from a
/// newer schema, is refused and left as it was.
public final class RunStore: @unchecked Sendable {  // the pool serializes writes; `writeFault` is set before use
  public let path: String
  let pool: DatabasePool
  /// A test seam at the write layer: called before every write; what it throws fails the
  /// write as SQLite's own error would (a full disk, a read-only file).
  public var writeFault: (() throws -> Void)?

  /// The file's identity while this store has it open.
  private let fileID: OpenStoreFiles.FileID?

  /// Opens the store at `path`, creating it (and its folder) when there is none. A second store
  /// on a file this process has open shares the first one's check (see `OpenStoreFiles`).
  public init(path: String) throws {
    self.path = path
    (pool, fileID) = try OpenStoreFiles.opening(path) { isOpen in
      if !isOpen { try RunStore.check(path) }
      let pool = try RunStore.open(path)
      return (pool, OpenStoreFiles.id(path))
    }
  }

  deinit {
    if let fileID { OpenStoreFiles.release(fileID) }
  }

  /// Refuses a file that is not a Crescent run store, or comes from a newer schema.
  static func check(_ path: String) throws {
    switch RunStore.inspectSettled(path) {
    case .foreign(let why):
      throw StoreError("'\(path)' is not a Crescent run store (\(why)); it was left untouched. Give another file with --store or CRESCENT_STORE, or --no-record")
    case .store(let version) where version > RunStore.schemaVersion:
      throw RunStore.newer(path, version)
    case .unmarked:
      try RunStore.checkUnmarked(path)
    case .store, .absent: break
    }
  }

  /// Creates the folder, opens the file and brings its schema up to date.
  static func open(_ path: String) throws -> DatabasePool {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
        throw StoreError("cannot create the run store's folder '\(folder)': \(error.localizedDescription)")
      }
    }
    // Processes that open a new store at the same moment (a sweep started at once) may find it
    // between SQLite's journal switch and the schema: they wait and try again, up to the busy timeout.
    let deadline = Date().addingTimeInterval(RunStore.busyTimeout)
    while true {
      do {
        return try RunStore.openAndMigrate(path)
      } catch {
        guard RunStore.isBusy(error) || RunStore.isMigrationRace(error), Date() < deadline else { throw RunStore.failure("set up", path, error) }
        Thread.sleep(forTimeInterval: Double.random(in: 0.01...0.1))
      }
    }
  }

  /// What the file is; a small file changed in the last seconds that does not read as a store
  /// may be one another process is creating (SQLite writes its first page a moment after the
  /// file appears): it is looked at again for up to a second before it is called foreign.
  static func inspectSettled(_ path: String) -> StoreFile.Kind {
    var kind = StoreFile.inspect(path)
    let until = Date().addingTimeInterval(1)
    while case .foreign = kind, Date() < until,
          let a = try? FileManager.default.attributesOfItem(atPath: path),
          (a[.size] as? Int ?? Int.max) <= 1 << 16,
          let modified = a[.modificationDate] as? Date, Date().timeIntervalSince(modified) < 5 {
      Thread.sleep(forTimeInterval: 0.05)
      kind = StoreFile.inspect(path)
    }
    return kind
  }

  /// Seconds a write waits for another process's write before it fails.
  public static let busyTimeout = 30.0

  static func isBusy(_ error: Error) -> Bool {
    guard let e = error as? DatabaseError else { return false }
    return e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
  }

  /// Another process applied a schema step between this one's look at the applied steps and
  /// its own attempt (the migrator reads them outside the step's transaction): the step's
  /// tables are there already. Opening again sees the step applied.
  static func isMigrationRace(_ error: Error) -> Bool {
    guard let e = error as? DatabaseError, let message = e.message else { return false }
    return (e.resultCode == .SQLITE_ERROR && (message.contains("already exists") || message.contains("duplicate column")))
      || (e.resultCode == .SQLITE_CONSTRAINT && message.contains("grdb_migrations"))
  }

  static func openAndMigrate(_ path: String) throws -> DatabasePool {
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    let pool = try DatabasePool(path: path, configuration: config)
    // The header may lag behind a write still in the WAL: ask the database itself too.
    let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    if version > schemaVersion { throw newer(path, version) }
    let (superseded, complete) = try pool.read { db in (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db)) }
    if superseded { throw newer(path, nil) }
    if !complete {
      try migrator.migrate(pool)
      // Into the main file, so the header shows the store's mark to the next process at once.
      try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }
    return pool
  }

  /// A WAL database without a mark in its header: a store another process is creating right
  /// now (no tables yet, or the store's tables still in the WAL) is fine; anything else is
  /// refused. Looked at through a read-only connection, which never writes the file.
  static func checkUnmarked(_ path: String) throws {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(30)
    let tables: [String]
    let version: Int
    // A read-only connection may leave an empty -wal and a -shm behind. A file that is refused
    // loses those it made; a store being created keeps them (its creator may be using them).
    let fm = FileManager.default
    let made = [path + "-wal", path + "-shm"].filter { !fm.fileExists(atPath: $0) }
    func refuse(_ error: StoreError) -> StoreError {
      for extra in made where ((try? fm.attributesOfItem(atPath: extra)[.size] as? Int) ?? 1) == 0 || extra.hasSuffix("-shm") {
        try? fm.removeItem(atPath: extra)
      }
      return error
    }
    do {
      let q = try DatabaseQueue(path: path, configuration: config)
      (tables, version) = try q.read { db in
        (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"),
         try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
      }
      try q.close()
    } catch where isBusy(error) {
      return  // being created right now: opening waits for it
    } catch {
      throw refuse(StoreError("'\(path)' is not a Crescent run store (it cannot be read as one: \(error)); it was left untouched. Give another file with --store or CRESCENT_STORE, or --no-record"))
    }
    if version > schemaVersion { throw refuse(newer(path, version)) }
    let ours: Set<String> = ["crescent_meta", "grdb_migrations", "run", "series", "metric", "artifact", "curve",
                              "study", "trial", "trial_value"]
    guard tables.isEmpty || (tables.contains("crescent_meta") && Set(tables).isSubset(of: ours)) || tables == ["grdb_migrations"] else {
      throw refuse(StoreError("'\(path)' is not a Crescent run store (it is a SQLite database of another program: it has tables such as '\(tables.first { !ours.contains($0) } ?? tables[0])'); it was left untouched. Give another file with --store or CRESCENT_STORE, or --no-record"))
    }
  }

  static func newer(_ path: String, _ version: Int?) -> StoreError {
    StoreError("the run store '\(path)' was written by a newer Crescent (schema \(version.map(String.init) ?? "unknown"); this one reads up to \(schemaVersion)); it was left untouched. Use a newer crescent, or another --store")
  }

  /// A failed database operation as a message naming the store and, for the usual causes,
  /// what they mean.
  static func failure(_ what: String, _ path: String, _ error: Error) -> StoreError {
    if let e = error as? StoreError { return e }
    var reason = "\(error)"
    if let db = error as? DatabaseError {
      switch db.resultCode {
      case .SQLITE_FULL: reason = "the disk is full"
      case .SQLITE_READONLY: reason = "the file is read-only"
      case .SQLITE_CANTOPEN: reason = "the file cannot be opened"
      case .SQLITE_BUSY, .SQLITE_LOCKED: reason = "the store stayed locked by another process"
      case .SQLITE_CORRUPT, .SQLITE_NOTADB: reason = "the file is damaged or not a database"
      default: reason = db.message ?? "\(db.resultCode)"
      }
    }
    return StoreError("cannot \(what) the run store '\(path)': \(reason)")
  }

  /// Runs `body` in one write transaction, through the test seam; errors name the store.
  func write<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
    do {
      try writeFault?()
      return try pool.write(body)
    } catch {
      throw RunStore.failure(what, path, error)
    }
  }

  /// Runs `body` on a read snapshot; errors name the store.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try pool.read(body) } catch { throw RunStore.failure("read", path, error) }
  }

  /// The default store under the working directory's runs folder: `<runs>/crescent.db`.
  public static func defaultPath(runsDirectory: String) -> String {
    (runsDirectory as NSString).appendingPathComponent("crescent.db")
  }
}
