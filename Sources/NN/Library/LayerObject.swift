import Catalog

/// A layer as scripts hold it (`nn.Dense(...)`, `model.layers[1]`): the core layer stays free
/// of scripting types, and this wrapper gives it its fields.
public final class LayerObject: CatalogObject {
  public static let typeName = "Layer"
  public let layer: Layer
  public init(_ layer: Layer) { self.layer = layer }

  public static var properties: [Property] {
    [Property("name", .string, "the layer's name in its model"), Property("kind", .string, "the layer type (Dense, Dropout, ...)"),
     Property("output_size", .integer, "features per sample out of the layer (0 until built)")]
  }

  public func property(_ key: String) -> Value? {
    switch key {
    case "name": return .string(layer.name)
    case "kind": return .string(type(of: layer).kind)
    case "output_size": return .integer(layer.isBuilt ? layer.outputSize : 0)
    default: return nil
    }
  }
}
