import Catalog
import Foundation
import Tensors

/// Graph models in the one safetensors file: `format = "crescent.graph"` and Keras's functional
/// description (each layer once, with `class_name`, `config`, `name` and its `inbound_nodes`,
/// one list per application, each reference `[layer, application, 0, {}]`; `input_layers` and
/// `output_layers`), so Python reads the connections as it reads a Keras model's. Weights are
/// stored once per layer, shared layers included; compile settings per output.
extension ModelFile {
  static let graphFormat = "crescent.graph"

  static func graphSpec(_ model: Model, _ graph: Graph, path: String) throws -> [String: Any] {
    var applications: [ObjectIdentifier: Int] = [:]
    var nodeRef: [ObjectIdentifier: [Any]] = [:]
    var inbound: [ObjectIdentifier: [[Any]]] = [:]
    for node in graph.nodes {
      if node.isInput {
        nodeRef[ObjectIdentifier(node)] = [node.name, 0, 0, [String: Any]()]
        continue
      }
      let layer = node.layer!  // cannot fail: not an input
      let id = ObjectIdentifier(layer)
      let k = applications[id, default: 0]
      applications[id] = k + 1
      nodeRef[ObjectIdentifier(node)] = [layer.name, k, 0, [String: Any]()]
      inbound[id, default: []].append(node.inbound.map { nodeRef[ObjectIdentifier($0)]! })  // cannot fail: inbound nodes come first
    }
    var layers: [[String: Any]] = graph.inputs.map { node in
      ["class_name": "InputLayer", "name": node.name, "inbound_nodes": [Any](),
       "config": ["name": node.name, "batch_input_shape": [NSNull()] + (node.declaredShape ?? []).map { $0 as Any }]]
    }
    for l in graph.layers {
      if l is ScriptLayer {
        throw CatalogError("\(path): layer '\(l.name)' is written in Lua and cannot be rebuilt from a file; save its weights with get_weights instead")
      }
      layers.append(["class_name": l.entryName, "name": l.name, "config": l.config, "inbound_nodes": inbound[ObjectIdentifier(l)] ?? []])
    }
    func refs(_ nodes: [Node]) -> [[Any]] { nodes.map { Array(nodeRef[ObjectIdentifier($0)]!.prefix(3)) } }  // cannot fail: inputs and outputs are nodes
    return ["format": graphFormat, "version": 1, "name": model.name, "layers": layers,
            "input_layers": refs(graph.inputs), "output_layers": refs(graph.outputs)]
  }

  /// The compile settings of a graph model: the optimizer, and per output its loss, weight and metrics.
  static func graphCompile(_ model: Model, _ net: Sequential, _ graph: Graph) -> [String: Any]? {
    guard let o = net.optimizer, let loss = net.loss as? GraphLoss else { return nil }
    let state: [String: Any] = ["lr": o.learningRate, "iterations": o.steps]
    var losses: [String: Any] = [:], weights: [String: Any] = [:], metrics: [String: Any] = [:]
    for (k, part) in loss.parts.enumerated() {
      losses[part.output] = ["kind": part.loss.entryName, "config": part.loss.config]
      weights[part.output] = part.weight
      metrics[part.output] = k < model.outputMetrics.count ? model.outputMetrics[k] : []
    }
    return ["optimizer": ["kind": type(of: o).kind, "config": o.config, "state": state],
            "losses": losses, "loss_weights": weights, "metrics": metrics]
  }

  /// Rebuilds a graph model from its description: layers from their entries, nodes connected
  /// as `inbound_nodes` say; a reference to a node no layer makes, to an application a layer
  /// does not have, or a cycle is an error naming the layers.
  static func loadGraph(_ spec: [String: Any], path: String, in session: Session) throws -> Sequential {
    func fail(_ what: String) -> CatalogError { CatalogError("\(path): \(what)") }
    guard let layerSpecs = spec["layers"] as? [[String: Any]] else { throw fail("the graph description has no layer list") }
    var inputs: [String: Node] = [:]
    var layers: [String: (layer: Layer, inbound: [[[Any]]])] = [:]
    var order: [String] = []
    for (k, ls) in layerSpecs.enumerated() {
      guard let kind = ls["class_name"] as? String, let name = ls["name"] as? String else { throw fail("layer \(k + 1) has no class_name or name") }
      guard inputs[name] == nil, layers[name] == nil else { throw fail("two layers are named '\(name)'") }
      if kind == "InputLayer" {
        let shape = ((ls["config"] as? [String: Any])?["batch_input_shape"] as? [Any])?.dropFirst().compactMap { ($0 as? NSNumber).flatMap(integer) } ?? []
        do { inputs[name] = try Node(inputShape: shape, name: name) } catch let e as LayerError { throw fail("input '\(name)': \(e.message)") }
        continue
      }
      guard let entry = built(kind, in: "nn", as: "Layer", session) ?? mergeEntry(kind, session) else {
        throw fail("layer '\(name)' has unknown kind \(kind)")
      }
      var config = ls["config"] as? [String: Any] ?? [:]
      config["name"] = name
      guard case .object(let o)? = try entry.call(arguments(for: entry, config), in: session).first, let layer = (o as? LayerObject)?.layer else {
        throw fail("layer '\(name)' (\(kind)) could not be rebuilt")
      }
      guard let inbound = ls["inbound_nodes"] as? [[[Any]]], !inbound.isEmpty else { throw fail("layer '\(name)' is applied to no node (inbound_nodes)") }
      layers[name] = (layer, inbound)
      order.append(name)
    }
    // Nodes made on demand, each application after the nodes it takes.
    var made: [String: [Int: Node]] = [:]
    var visiting: [String] = []
    func node(_ ref: [Any], for user: String) throws -> Node {
      guard let name = ref.first as? String, let index = (ref.count > 1 ? ref[1] as? NSNumber : 0).flatMap(integer) else {
        throw fail("layer '\(user)' has a malformed inbound reference \(ref)")
      }
      if let input = inputs[name] {
        guard index == 0 else { throw fail("layer '\(user)' takes application \(index) of the input '\(name)', which has one") }
        return input
      }
      guard let entry = layers[name] else { throw fail("layer '\(user)' takes '\(name)', which no layer or input of the file makes") }
      if let done = made[name]?[index] { return done }
      guard index >= 0, index < entry.inbound.count else {
        throw fail("layer '\(user)' takes application \(index) of '\(name)', which is applied \(entry.inbound.count) time\(entry.inbound.count == 1 ? "" : "s"): a node used before its input exists")
      }
      let key = "\(name)#\(index)"
      if visiting.contains(key) {
        let cycle = visiting[visiting.firstIndex(of: key)!...].map { $0.split(separator: "#")[0] } + [Substring(name)]  // cannot fail: contained
        throw fail("the graph has a cycle: \(cycle.joined(separator: " → "))")
      }
      visiting.append(key)
      defer { visiting.removeLast() }
      let refs = entry.inbound[index]
      let from = try refs.map { try node($0, for: name) }
      let n: Node
      do { n = try Node(applying: entry.layer, to: from, list: entry.layer is MergeLayer) } catch let e as LayerError { throw fail(e.message) }
      made[name, default: [:]][index] = n
      return n
    }
    func endpoints(_ key: String) throws -> [Node] {
      guard let refs = spec[key] as? [[Any]], !refs.isEmpty else { throw fail("the graph description has no \(key)") }
      return try refs.map { try node($0, for: key) }
    }
    let ins = try endpoints("input_layers"), outs = try endpoints("output_layers")
    // Every application the file lists is made (a layer applied to nothing reachable is an error of the graph).
    for name in order { for k in layers[name]!.inbound.indices { _ = try node([name, k], for: name) } }  // cannot fail: listed
    do {
      return try Sequential(graph: Graph(inputs: ins, outputs: outs), random: session.random.nextStream("nn.load"))
    } catch let e as LayerError { throw fail(e.message) }
  }

  static func mergeEntry(_ kind: String, _ session: Session) -> Entry? {
    guard let e = session.catalog.entry("nn.\(kind)"), LayerLibrary.entries.contains(where: { $0.name == kind }) else { return nil }
    return e
  }

  /// A graph model's compile settings from its file.
  static func restoreGraphCompile(_ c: [String: Any], into model: Model, path: String, in session: Session) throws {
    guard let graph = model.network.graph, let o = c["optimizer"] as? [String: Any], let okind = o["kind"] as? String,
          let oentry = built(okind, in: "optim", as: "Optimizer", session),
          case .object(let opt)? = try oentry.call(arguments(for: oentry, o["config"] as? [String: Any] ?? [:]), in: session).first,
          let optimizer = opt as? Optimizer, let losses = c["losses"] as? [String: Any] else {
      throw CatalogError("\(path): the compile settings are not understood; nn.load(path, {compile = false}) reads the architecture and weights alone")
    }
    var list: [Loss] = [], weights: [Double] = [], metrics: [[String]] = []
    for name in graph.outputNames {
      guard let l = losses[name] as? [String: Any], let lkind = l["kind"] as? String,
            let lentry = built(LossLibrary.entryName(ofKind: lkind) ?? lkind, in: "losses", as: "Loss", session),
            case .object(let lossObject)? = try lentry.call(arguments(for: lentry, l["config"] as? [String: Any] ?? [:]), in: session).first,
            let loss = (lossObject as? LossObject)?.loss else {
        throw CatalogError("\(path): the loss of the output '\(name)' cannot be rebuilt; nn.load(path, {compile = false}) reads the architecture and weights alone")
      }
      list.append(loss)
      weights.append(((c["loss_weights"] as? [String: Any])?[name] as? NSNumber)?.doubleValue ?? 1)
      metrics.append((c["metrics"] as? [String: Any])?[name] as? [String] ?? [])
    }
    try model.network.compile(optimizer: optimizer, losses: list, lossWeights: weights, metrics: metrics, in: session.catalog)
    model.metrics = model.network.metricNames
    model.outputMetrics = metrics
    model.lossWeights = weights
    model.compileConfig = c
  }
}
