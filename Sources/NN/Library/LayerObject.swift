import Catalog

/// A layer as scripts hold it (`nn.Dense(...)`, `model.layers[1]`): the core layer stays free
/// of scripting types, and this wrapper gives it its fields.
public final class LayerObject: CatalogObject {
  public static let typeName = "Layer"
  public let layer: Layer
  public init(_ layer: Layer) { self.layer = layer }

  public static var properties: [Property] {
    [Property("name", .string, "the layer's name in its model"), Property("kind", .string, "the layer type (Dense, Dropout, ...)"),
     Property("output_size", .integer, "features per sample out of the layer (0 until built)"),
     Property("trainable", .bool, "whether training updates its weights; false freezes it (a frozen BatchNormalization also runs in inference mode, as Keras 3's)", settable: true)]
  }

  public func property(_ key: String) -> Value? {
    switch key {
    case "name": return .string(layer.name)
    case "kind": return .string(type(of: layer).kind)
    case "output_size": return .integer(layer.isBuilt ? layer.outputSize : 0)
    case "trainable": return .bool(layer.trainable)
    default: return nil
    }
  }

  public func setProperty(_ name: String, to value: Value) throws {
    guard name == "trainable", case .bool(let b) = value else { throw CatalogError("field '\(name)' of a Layer cannot be set") }
    do { try layer.setTrainable(b) } catch let e as LayerError { throw CatalogError(e.message) }
  }
}
