import Foundation
import RunStore

/// The run stores this process has open, one per path. A process must not open one store file
/// twice: opening it reads the file's header through a descriptor of its own, and closing that
/// descriptor drops every SQLite lock the process holds on the file (POSIX locks belong to the
/// process), which lets another process's writes damage it. A sweep's worker records many runs
/// and its study in one file: all of them go through the one store.
enum OpenRunStores {
  private static let cache = Cache()
  private final class Cache: @unchecked Sendable {  // `stores` behind `lock`
    let lock = NSLock()
    var stores: [String: RunStore] = [:]
  }

  /// The store at `path`, opened at its first use.
  static func store(at path: String) throws -> RunStore {
    try cache.lock.withLock {
      if let s = cache.stores[path] { return s }
      let s = try RunStore(path: path)
      cache.stores[path] = s
      return s
    }
  }
}
