import Catalog
import Foundation

/// Losses added at run time (by native plugins): `compile{loss = name}` finds them after the
/// built-in names. A built-in name cannot be replaced.
public enum LossRegistry {
  nonisolated(unsafe) private static var extras: [(name: String, make: () -> Loss)] = []
  private static let lock = NSLock()

  /// Adds (or, for a name added earlier, replaces) an extra loss.
  public static func register(_ name: String, make: @escaping () -> Loss) throws {
    if LossLibrary.builtinNames.contains(name) { throw CatalogError("loss \"\(name)\" is already defined") }
    lock.withLock {
      extras.removeAll { $0.name == name }
      extras.append((name, make))
    }
  }

  static var names: [String] { lock.withLock { extras.map(\.name) } }
  /// A new instance of the extra loss `name`, or nil.
  public static func make(_ name: String) -> Loss? {
    let make = lock.withLock { extras.first { $0.name == name }?.make }
    return make?()
  }
}
