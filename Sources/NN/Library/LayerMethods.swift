import Catalog
import Tensors

/// A layer's own methods (`layer:get_weights()`, `layer:set_weights{...}`) and `model:layer(name)`.
enum LayerMethods {
  static func layerArg(_ d: Declarer) -> Arg<LayerObject> { d.object("layer", LayerObject.self, "the layer") }

  static var entries: [Entry] {
    [
      Entry(module: "nn", name: "get_weights", summary: "Copies of the layer's weights (Dense: W as [in, out], then b; then any state such as moving statistics).",
            returns: [Returned(.list(.tensor), "the weights")], methodOf: "Layer") { d in
        let layer = layerArg(d)
        return { a in [.list(try a[layer].layer.weightValues().map { .tensor($0) })] }
      },
      Entry(module: "nn", name: "set_weights", summary: "Copies tensors into the layer's weights, in get_weights's order (counts and shapes checked first).",
            methodOf: "Layer") { d in
        let layer = layerArg(d)
        let weights = d.parameter("weights", [Tensor].self, "tensors of matching shapes", as: .list(.tensorLike))
        return { a in
          do { try a[layer].layer.setWeightValues(a[weights]) } catch let e as LayerError { throw CatalogError(e.message) }
          return []
        }
      },
      Entry(module: "nn", name: "layer", summary: "The model's layer of that name (or at that position, from 1).",
            returns: [Returned(.object("Layer"), "the layer")], methodOf: "Model") { d in
        let model = d.object("model", Model.self, "the model")
        let key = d.parameter("name", Value.self, "the layer's name, or its position from 1", as: .either(.string, .positiveInteger))
        return { a in
          let layers = try a[model].network.layers
          switch try a[key] {
          case .integer(let i):
            guard i <= layers.count else { throw CatalogError("the model has \(layers.count) layers, no layer \(i)") }
            return [.object(LayerObject(layers[i - 1]))]
          case .string(let name):
            guard let l = layers.first(where: { $0.name == name }) else {
              let names = layers.map { "'\($0.name)'" }.joined(separator: ", ")
              throw CatalogError("the model has no layer named '\(name)'; its layers are \(names.isEmpty ? "none" : names)")
            }
            return [.object(LayerObject(l))]
          default: throw CatalogError("model:layer expects a layer name or position")
          }
        }
      },
    ]
  }
}
