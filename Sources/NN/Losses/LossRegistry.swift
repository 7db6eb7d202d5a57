import Catalog

/// Losses added to a catalog at run time (by native plugins): `compile{loss = name}` finds
/// them after the built-in names. A built-in name cannot be replaced.
public enum LossRegistry {
  struct Added { let make: () -> Loss }

  /// Adds to `catalog` (or, for a name added earlier, replaces) an extra loss.
  public static func register(_ name: String, in catalog: Catalog, make: @escaping () -> Loss) throws {
    if LossLibrary.builtinNames.contains(name) { throw CatalogError("loss \"\(name)\" is already defined") }
    catalog.registry(of: Added.self).add(name, Added(make: make))
  }

  static func names(in catalog: Catalog) -> [String] { catalog.registry(of: Added.self).names }

  /// A new instance of the loss `name` added to `catalog`, or nil.
  public static func make(_ name: String, in catalog: Catalog) -> Loss? {
    catalog.registry(of: Added.self).item(name)?.make()
  }
}
