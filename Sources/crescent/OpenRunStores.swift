import Foundation
import RunStore

/// The run stores this process has open, one per path: a sweep's worker records many runs and
/// its study in one file, all through one store and its connections. (Two stores on one file
/// are safe too: `RunStore` reads a file's header only when no store of the process holds it.)
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
