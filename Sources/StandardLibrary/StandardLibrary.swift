import Catalog

extension Catalog {
  /// The catalog of everything built in: one line per library.
  public static func standard() -> Catalog {
    let c = Catalog.withTensors()
    return c
  }
}
