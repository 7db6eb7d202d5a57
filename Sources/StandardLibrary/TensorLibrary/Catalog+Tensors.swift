import Catalog

extension Catalog {
  /// The catalog with just the `tensor` module; the other libraries are added to it.
  public static func withTensors() -> Catalog {
    let c = Catalog()
    c.registerType("Tensor", summary: "A float32 array with a shape, stored row-major; arithmetic broadcasts rows, columns and scalars.")
    try! c.register(module: "tensor", summary: TensorLibrary.summary, entries: TensorLibrary.entries)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    return c
  }
}
