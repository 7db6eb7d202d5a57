import Catalog
import Tensors

/// A point of a graph model: a model input (`nn.Input(103, {name = "features"})`), or the
/// output of a layer applied to earlier nodes (`nn.Dense(256)(feats)`). Nodes only record
/// what connects to what; shapes are worked out, and every layer built, when a model is made
/// from them. Their links never change, so nodes made this way form no cycle.
public final class Node: CatalogObject {
  public static let typeName = "Node"
  /// The layer applied (nil for an input).
  public let layer: Layer?
  /// The nodes it is applied to, in order (none for an input).
  public let inbound: [Node]
  /// Whether the layer was called on a list of nodes (a merge layer).
  public let takesList: Bool
  /// For an input: its per-sample shape.
  public let declaredShape: [Int]?
  /// For an input: its name (empty until a model names it `input_<n>`).
  public var inputName: String

  /// A model input of per-sample shape `shape`.
  public init(inputShape shape: [Int], name: String = "") throws {
    guard !shape.isEmpty, shape.allSatisfy({ $0 > 0 }), Tensor.elementCount(shape) != nil else {
      throw LayerError("nn.Input expects a positive size or a list of positive sizes, got \(describeShape(shape))")
    }
    layer = nil
    inbound = []
    takesList = false
    declaredShape = shape
    inputName = name
  }

  /// The output of `layer` applied to `inbound` (several nodes for a merge layer).
  public init(applying layer: Layer, to inbound: [Node], list: Bool) throws {
    if layer is MergeLayer {
      guard list else { throw LayerError("\(Self.describe(layer)) merges several nodes: call it on a list, nn.\(type(of: layer).kind){a, b}") }
    } else {
      guard !list, inbound.count == 1 else {
        throw LayerError("\(Self.describe(layer)) takes one node, got a list of \(inbound.count)")
      }
    }
    self.layer = layer
    self.inbound = inbound
    self.takesList = list
    declaredShape = nil
    inputName = ""
  }

  public var isInput: Bool { layer == nil }

  /// The name the node goes by: the input's name, or its layer's.
  public var name: String { layer?.name ?? inputName }

  static func describe(_ layer: Layer) -> String {
    layer.name.isEmpty ? type(of: layer).kind : "\(layer.name) (\(type(of: layer).kind))"
  }

  public static var properties: [Property] {
    [Property("name", .string, "the input's name, or the name of the layer that makes the node (empty until a model names it)"),
     Property("kind", .string, "\"Input\", or the kind of the layer that makes the node"),
     Property("shape", .list(.integer), "an input's per-sample shape (a layer's node: empty until its model is made)")]
  }

  public func property(_ key: String) -> Value? {
    switch key {
    case "name": return .string(name)
    case "kind": return .string(layer.map { type(of: $0).kind } ?? "Input")
    case "shape":
      let s = declaredShape ?? (layer.flatMap { $0.isBuilt ? $0.outputShape : nil } ?? [])
      return .list(s.map { .integer($0) })
    default: return nil
    }
  }
}
