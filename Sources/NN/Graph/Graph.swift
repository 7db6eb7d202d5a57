import Tensors

/// The layers of a graph model, connected as its nodes say: Keras's functional model.
///
/// Made from the model's input nodes and output nodes: the nodes the outputs depend on are put
/// in topological order (each after the nodes it takes), checked (every output reachable
/// from the given inputs alone, every input used, names unique), and every layer is built for
/// the shapes reaching it, so a mismatch is an error naming the layer and the shapes before
/// any data is seen. A layer object applied to several nodes is one shared layer: its first
/// application runs the object itself, later ones a `twin()` holding the same weights.
public final class Graph {
  /// One layer application, in running order.
  struct Step {
    /// The object that runs: the layer itself, or its twin for a later application.
    let layer: Layer
    let merge: MergeLayer?
    /// The original layer (in `layers`); a shared layer's applications share it.
    let original: Int
    /// Which application of the original this is (0 for the first).
    let use: Int
    let inputs: [Int]
    let output: Int
  }

  public let inputs: [Node]
  public let outputs: [Node]
  /// Every node the outputs depend on, in running order (inputs first).
  public let nodes: [Node]
  /// The distinct layers, in the order of their first application (what owns the weights).
  public let layers: [Layer]
  var steps: [Step] = []
  /// Per node, its index in `nodes`.
  let index: [ObjectIdentifier: Int]
  /// Per node, its per-sample shape (once built).
  public private(set) var shapes: [[Int]] = []
  /// Per node, the steps that take it (for the summary and for fusing outputs).
  let consumers: [[Int]]
  /// Per node, the index of the step that makes it (nil for inputs).
  let producer: [Int?]
  public private(set) var isBuilt = false

  // Workspaces reused from step to step.
  var values: [Tensor?] = []
  var masks: [Tensor?] = []
  var grads: [Tensor?] = []
  var sums: [Tensor] = []
  var summed: [Bool] = []
  var groupSeen: [Bool] = []
  var inputBuffers: [Tensor] = []
  var outputBuffer = Tensor.released
  var gradientBuffers: [Tensor] = []

  /// Orders and checks the graph from `inputs` to `outputs`; names unnamed layers
  /// (`<kind>_<n>`) and inputs (`input_<n>`). Layers are built by `build`.
  public init(inputs: [Node], outputs: [Node]) throws {
    guard !inputs.isEmpty else { throw LayerError("a model needs at least one input (nn.Input)") }
    guard !outputs.isEmpty else { throw LayerError("a model needs at least one output node") }
    for (k, node) in inputs.enumerated() where !node.isInput {
      throw LayerError("the model's input \(k + 1) is the output of \(Node.describe(node.layer!)), not an nn.Input")  // cannot fail: not an input means a layer
    }
    let given = Set(inputs.map(ObjectIdentifier.init))
    guard given.count == inputs.count else { throw LayerError("an input is given twice among the model's inputs") }

    // Depth-first from the outputs: every node after the nodes it takes.
    var order: [Node] = []
    var state: [ObjectIdentifier: Bool] = [:]  // false: being visited, true: done
    func visit(_ node: Node, from path: [Node]) throws {
      let id = ObjectIdentifier(node)
      if let done = state[id] {
        if !done { throw LayerError("the graph has a cycle through \((path + [node]).map(\.name).joined(separator: " → "))") }
        return
      }
      if node.isInput && !given.contains(id) {
        let outputName = path.first?.name ?? node.name
        throw LayerError("output '\(outputName)' is not reachable from the model's inputs: it depends on the input '\(node.name.isEmpty ? "(unnamed)" : node.name)' of shape \(describeSample(node.declaredShape ?? [])), which is not among them")
      }
      state[id] = false
      for n in node.inbound { try visit(n, from: path + [node]) }
      state[id] = true
      order.append(node)
    }
    // The inputs come first, in the order given.
    for node in inputs { state[ObjectIdentifier(node)] = true; order.append(node) }
    for out in outputs { try visit(out, from: []) }
    nodes = order
    var index: [ObjectIdentifier: Int] = [:]
    for (i, n) in order.enumerated() { index[ObjectIdentifier(n)] = i }
    self.index = index
    self.inputs = inputs
    self.outputs = outputs

    var consumers = Array(repeating: [Int](), count: order.count)
    for node in order { for n in node.inbound { consumers[index[ObjectIdentifier(n)]!].append(index[ObjectIdentifier(node)]!) } }  // cannot fail: inbound nodes were visited first
    for (k, node) in inputs.enumerated() where consumers[k].isEmpty && !outputs.contains(where: { $0 === node }) {
      throw LayerError("the model's input '\(node.name.isEmpty ? "input \(k + 1)" : node.name)' is not used by any output")
    }
    for out in outputs where out.isInput {
      throw LayerError("the model's output '\(out.name)' is an input: apply a layer to it")
    }

    // Layers: distinct objects in order of first use; names given where missing.
    var layers: [Layer] = []
    var layerIndex: [ObjectIdentifier: Int] = [:]
    var uses: [Int] = []
    var producer = Array(repeating: Int?.none, count: order.count)
    var steps: [Step] = []
    var pending: [(node: Int, layer: Int, use: Int)] = []
    for (i, node) in order.enumerated() {
      guard let layer = node.layer else { continue }
      let id = ObjectIdentifier(layer)
      let l: Int
      if let known = layerIndex[id] { l = known } else {
        l = layers.count
        layerIndex[id] = l
        layers.append(layer)
        uses.append(0)
      }
      pending.append((i, l, uses[l]))
      uses[l] += 1
    }
    try Graph.name(layers: layers, inputs: inputs)
    for p in pending {
      let node = order[p.node]
      let layer = layers[p.layer]
      producer[p.node] = steps.count
      steps.append(Step(layer: layer, merge: layer as? MergeLayer, original: p.layer, use: p.use,
                        inputs: node.inbound.map { index[ObjectIdentifier($0)]! }, output: p.node))  // cannot fail: inbound nodes were visited first
    }
    var outputNames = Set<String>()
    for out in outputs where !outputNames.insert(out.name).inserted {
      throw LayerError("the output '\(out.name)' is given twice among the model's outputs")
    }
    self.layers = layers
    self.steps = steps
    self.consumers = consumers
    self.producer = producer
  }

  /// Names unnamed layers and inputs; refuses names used twice.
  static func name(layers: [Layer], inputs: [Node]) throws {
    var taken = Set<String>()
    for layer in layers where !layer.name.isEmpty {
      guard taken.insert(layer.name).inserted else { throw LayerError("two layers of the model are named '\(layer.name)'") }
    }
    for node in inputs where !node.inputName.isEmpty {
      guard taken.insert(node.inputName).inserted else { throw LayerError("the name '\(node.inputName)' is used by an input and by another input or layer") }
    }
    var next: [String: Int] = [:]
    func fresh(_ base: String) -> String {
      var n = next[base] ?? 1
      while taken.contains("\(base)_\(n)") { n += 1 }
      next[base] = n + 1
      taken.insert("\(base)_\(n)")
      return "\(base)_\(n)"
    }
    for node in inputs where node.inputName.isEmpty { node.inputName = fresh("input") }
    for layer in layers where layer.name.isEmpty { layer.name = fresh(Sequential.snakeCase(type(of: layer).kind)) }
  }

  /// Builds every layer for the shapes reaching it (the initial weights drawn from `random`'s
  /// "init" stream in running order, as Sequential draws them); twins are made for the later
  /// applications of shared layers.
  public func build(random: RandomStream) throws {
    var stream = random.derived("init")
    var shapes = nodes.map { $0.declaredShape ?? [] }
    var built = steps
    for (k, step) in steps.enumerated() {
      try RunDeadline.check()
      let inShapes = step.inputs.map { shapes[$0] }
      let runner: Layer
      if step.use == 0 { runner = step.layer } else if isBuilt { runner = step.layer } else {
        runner = try layers[step.original].twin()
      }
      do {
        if let merge = runner as? MergeLayer {
          shapes[step.output] = try merge.build(inputShapes: inShapes, random: &stream)
        } else {
          shapes[step.output] = try runner.build(inputShape: inShapes[0], random: &stream)
        }
      } catch let e as LayerError {
        let from = step.inputs.map { "'\(nodes[$0].name)' \(describeSample(shapes[$0]))" }.joined(separator: ", ")
        throw LayerError("layer '\(runner.name)' (\(type(of: runner).kind)) applied to \(from): \(e.message)")
      }
      runner.needsInputGradient = !step.inputs.allSatisfy { nodes[$0].isInput }
      runner.seed(step.use == 0 ? random.derived("dropout") : random.derived("dropout/use\(step.use)"))
      built[k] = Step(layer: runner, merge: runner as? MergeLayer, original: step.original, use: step.use, inputs: step.inputs, output: step.output)
    }
    steps = built
    self.shapes = shapes
    isBuilt = true
  }

  public var inputShapes: [[Int]] { inputs.map { $0.declaredShape ?? [] } }
  public var outputShapes: [[Int]] { outputs.map { shapes[index[ObjectIdentifier($0)]!] } }  // cannot fail: outputs are nodes
  public var inputNames: [String] { inputs.map(\.name) }
  public var outputNames: [String] { outputs.map(\.name) }
  /// Values per sample of each input and output.
  public var inputWidths: [Int] { inputShapes.map { $0.reduce(1, *) } }
  public var outputWidths: [Int] { outputShapes.map { $0.reduce(1, *) } }

  /// The index of the step that makes output `k`.
  func outputStep(_ k: Int) -> Int? { producer[index[ObjectIdentifier(outputs[k])]!] }  // cannot fail: outputs are nodes

  /// Whether output `k`'s node feeds nothing else (so its layer may hand a loss its logits).
  func outputIsFinal(_ k: Int) -> Bool {
    let i = index[ObjectIdentifier(outputs[k])]!  // cannot fail: outputs are nodes
    return consumers[i].isEmpty && outputs.filter({ $0 === outputs[k] }).count == 1
  }
}
