import Foundation

/// What the first bytes of a file say about it, read without opening it as a database (so a
/// file that is refused is never changed, not even by SQLite's journal settings).
enum StoreFile {
  /// Marks a Crescent run store in the SQLite header (PRAGMA application_id): "CRES".
  static let applicationID: Int32 = 0x4352_4553

  enum Kind: Equatable {
    /// No file, or an empty one: a new store.
    case absent
    /// A Crescent run store with this schema version (the header's user_version).
    case store(version: Int)
    /// A WAL-mode SQLite database whose header carries no application id yet: a store being
    /// created by another process (its header is written at the first checkpoint), or
    /// another program's database. Only its tables tell.
    case unmarked
    /// Something else; the text says what.
    case foreign(String)
  }

  static func inspect(_ path: String) -> Kind {
    OpenStoreFiles.countHeaderRead(path)
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return FileManager.default.fileExists(atPath: path) ? .foreign("it cannot be read") : .absent
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    if header.isEmpty { return .absent }
    guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
      return .foreign("it is not a SQLite database")
    }
    func int32(at offset: Int) -> Int32 {
      let bytes = header[offset..<offset + 4]
      return Int32(bitPattern: bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
    // Bytes 18 and 19: the file format versions, 2 in WAL mode.
    if int32(at: 68) == 0, header[18] == 2, header[19] == 2 { return .unmarked }
    guard int32(at: 68) == applicationID else {
      return .foreign("it is a SQLite database of another program (its application id is not Crescent's)")
    }
    return .store(version: Int(int32(at: 60)))
  }
}
