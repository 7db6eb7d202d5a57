import Catalog
import Tensors

/// The merge layers' entries: `nn.Add{a, b}` applies a new layer to the nodes and returns the
/// node; `nn.Add()` (no nodes) returns the layer, to be called later (`nn.Add(){a, b}`).
enum MergeLibrary {
  struct Options {
    let name: String
    let axis: Int
  }

  static func entry(_ type: any MergeLayer.Type, summary: String, axis: Bool = false,
                    make: @escaping @Sendable (Options) throws -> Layer) -> Entry {
    Entry(module: "nn", name: type.kind, summary: summary,
          returns: [Returned(.either(.object("Node"), .object("Layer")), "the merged node, or the layer when no nodes are given")]) { d in
      let inputs = d.variadic("inputs", Value.self, "the nodes to merge (none: the layer itself, to call on nodes later)", as: .object("Node"))
      let axisArg = axis ? d.option("axis", Int.self, "the axis joined, Keras numbering over the samples axis: -1 the last, 1 the first of a sample", default: -1) : nil
      let name = d.option(LayerLibrary.nameOption, String.self)
      return { a in
        let layer = try make(Options(name: try a[name], axis: try axisArg.map { try a[$0] } ?? -1))
        let nodes = try GraphLibrary.nodes(a[inputs])
        if nodes.isEmpty { return [.object(LayerObject(layer))] }
        return [.object(try Node(applying: layer, to: nodes, list: true))]
      }
    }
  }
}
