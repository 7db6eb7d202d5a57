import Catalog
import Tensors

/// Graph models in scripts: `nn.Input`, calling a layer on nodes (`nn.Dense(8)(x)`, the
/// Layer's `__call`), `nn.Model{inputs =, outputs =}`.
enum GraphLibrary {
  static func nodes(_ values: [Value]) throws -> [Node] {
    try values.enumerated().map { k, v in
      guard case .object(let o) = v, let node = o as? Node else {
        throw CatalogError("item \(k + 1) is \(v.summary), not a node (nn.Input(...) or a layer's output)")
      }
      return node
    }
  }

  /// A node, or a list of nodes (with whether it was a list).
  static func nodeList(_ v: Value, _ what: String) throws -> (nodes: [Node], list: Bool) {
    switch v {
    case .object(let o as Node): return ([o], false)
    case .list(let items): return (try nodes(items), true)
    default: throw CatalogError("\(what) expects a node or a list of nodes, got \(v.summary)")
    }
  }

  static var entries: [Entry] {
    [
      Entry(module: "nn", name: "Input", summary: "A model input: `nn.Input(103, {name = \"features\"})`, or a per-sample shape `nn.Input({32, 32, 3})`.",
            returns: [Returned(.object("Node"), "the input node")]) { d in
        let shape = d.parameter("shape", Value.self, "values per sample, or the shape of one sample (channels last)", as: .either(.positiveInteger, .list(.positiveInteger)))
        let name = d.option("name", String.self, "the input's name, by which fit, evaluate and predict take its data (default input_1, ...)", default: "")
        let dtype = d.option("dtype", String.self, "the values' type: float32 (token indices are float32 holding whole numbers)", as: .oneOf(["float32"]), default: "float32")
        return { a in
          _ = try a[dtype]
          let dims: [Int]
          switch try a[shape] {
          case .integer(let n): dims = [n]
          case .list(let items): dims = items.compactMap { if case .integer(let i) = $0 { i } else { nil } }
          case let v: throw CatalogError("argument 'shape' expects a size or a list of sizes, got \(v.summary)")
          }
          return [.object(try Node(inputShape: dims, name: a[name]))]
        }
      },
      Entry(module: "nn", name: "call", summary: "Applies the layer to a node, `nn.Dense(8)(x)` (a merge layer to a list, `nn.Add(){a, b}`): the node of its output. Calling a layer object twice shares its weights.",
            returns: [Returned(.object("Node"), "the output node")], methodOf: "Layer", metamethod: "__call") { d in
        let layer = d.object("layer", LayerObject.self, "the layer")
        let inputs = d.parameter("inputs", Value.self, "a node, or a list of nodes for a merge layer", as: .either(.object("Node"), .list(.object("Node"))))
        return { a in
          let (nodes, list) = try nodeList(a[inputs], "argument 'inputs'")
          return [.object(try Node(applying: a[layer].layer, to: nodes, list: list))]
        }
      },
      Entry(module: "nn", name: "Model", summary: "A graph model from its input and output nodes: `nn.Model{inputs = {feats, meta}, outputs = {labels, count}}`; trained like nn.Sequential, with data keyed by input and output name.",
            returns: [Returned(.object("Model"), "the model")]) { d in
        let inputs = d.requiredOption("inputs", Value.self, "the input node, or a list of input nodes (their order is the positional order of x)", as: .either(.object("Node"), .list(.object("Node"))))
        let outputs = d.requiredOption("outputs", Value.self, "the output node, or a list of them (named by their layers)", as: .either(.object("Node"), .list(.object("Node"))))
        let name = d.option("name", String.self, "the model's name", default: "model")
        let seed = d.option("seed", Int.self, "seed of the model's own randomness (initial weights, dropout, shuffling); the run's streams otherwise", as: .nonNegativeInteger)
        return { a in
          let ins = try nodeList(a[inputs], "option 'inputs'").nodes
          let outs = try nodeList(a[outputs], "option 'outputs'").nodes
          let stream = try a[seed].map { RandomStream(seed: UInt64($0)) } ?? a.session.random.nextStream("nn.Model")
          let graph = try Graph(inputs: ins, outputs: outs)
          let model = Model(try Sequential(graph: graph, random: stream))
          model.name = try a[name]
          return [.object(model)]
        }
      },
    ]
  }
}
