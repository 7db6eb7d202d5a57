import Foundation

/// The store files this process has open, by file identity (device and inode), with how many
/// `RunStore`s hold each.
///
/// A store's header is read through a descriptor of its own before SQLite opens the file
/// (`StoreFile.inspect`), and closing any descriptor of a file drops every POSIX lock the
/// process holds on it, SQLite's included: another process's writes could then damage the
/// file. So the header is read only when no store of this process has the file open; a second
/// store on an open file skips the look (the first one checked and migrated it). Opening is
/// serialized within the process, so no look happens while another store is being opened.
enum OpenStoreFiles {
  struct FileID: Hashable {
    let device: UInt64
    let inode: UInt64
  }

  private final class State: @unchecked Sendable {  // `held` behind `lock`, `headerReads` behind `readsLock`
    let lock = NSLock()
    var held: [FileID: Int] = [:]
    let readsLock = NSLock()
    /// How many times each path's header was read through a descriptor (a test seam).
    var headerReads: [String: Int] = [:]
  }
  private static let state = State()

  /// The file's identity, read without opening it; nil when there is no file.
  static func id(_ path: String) -> FileID? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
  }

  /// Runs `open` with the process's opening serialized: `isOpen` tells whether a store of this
  /// process holds the file already. `open` returns the opened file's identity, which is held
  /// until `release`.
  static func opening<T>(_ path: String, _ open: (_ isOpen: Bool) throws -> (T, FileID?)) throws -> (T, FileID?) {
    state.lock.lock()
    defer { state.lock.unlock() }
    let isOpen = id(path).map { (state.held[$0] ?? 0) > 0 } ?? false
    let (value, opened) = try open(isOpen)
    if let opened { state.held[opened, default: 0] += 1 }
    return (value, opened)
  }

  /// A store on the file closed.
  static func release(_ id: FileID) {
    state.lock.withLock {
      let n = (state.held[id] ?? 1) - 1
      state.held[id] = n > 0 ? n : nil
    }
  }

  /// Counts a read of `path`'s header through a descriptor.
  static func countHeaderRead(_ path: String) {
    state.readsLock.withLock { state.headerReads[path, default: 0] += 1 }
  }

  /// How many times this process read `path`'s header through a descriptor.
  static func headerReads(_ path: String) -> Int { state.readsLock.withLock { state.headerReads[path] ?? 0 } }
}
