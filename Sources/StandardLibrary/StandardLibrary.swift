import Catalog
import NN

extension Catalog {
  /// The catalog of everything built in: one line per library.
  public static func standard() -> Catalog {
    let c = Catalog.withTensors()
    try! NNLibrary.register(into: c)
    return c
  }
}
