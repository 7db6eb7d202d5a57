import Catalog
import Foundation
import CrescentMetrics
import Tensors

/// A stack of layers trained as one model: Keras's Sequential. A graph model (Keras's
/// functional model, `Graph`) trains through the same machinery: its inputs and outputs are
/// packed side by side into one matrix each (`Graph+Packing`), so shuffling, batching,
/// validation, checkpoints and callbacks are the stack's own.
public final class Sequential {
  public private(set) var layers: [Layer] = []
  /// The graph the model runs, for a graph model (nil: the layers are a stack).
  public private(set) var graph: Graph?
  /// The per-sample input shape (`[features]`, `[height, width, channels]`), once known.
  public private(set) var inputShape: [Int]?
  /// Values per sample in (the product of the input shape), once known.
  public var inputSize: Int? { inputShape.map { $0.reduce(1, *) } }
  public internal(set) var optimizer: Optimizer?
  public internal(set) var loss: Loss?
  public internal(set) var metricNames: [String] = []
  /// The metrics computed over each training epoch (streaming, exact over the epoch).
  var trainingMetrics: [StreamingMetric] = []
  /// Makers of fresh streams of the compiled metrics (for validation and evaluation).
  var metricMakers: [() -> StreamingMetric] = []
  /// The root of the model's randomness: initial weights, dropout masks and shuffling draw
  /// from streams derived from it by name.
  public let random: RandomStream
  /// Set by a callback to end training after the current batch/epoch.
  public var stopTraining = false
  /// The running fit's state beyond the model's, for training checkpoints; nil outside fit.
  var fitState: FitState?
  /// How the output meets the loss (set by compile).
  public internal(set) var head: OutputHead?
  /// Whether the output activation is folded into the loss in training and evaluation.
  public var fusedOutput: Bool { head?.fusedLayer != nil }

  var batchX = Tensor.zeros([0])
  var batchY = Tensor.zeros([0])
  var batchW = Tensor.zeros([0])
  var lossGradient = Tensor.zeros([0])
  var probabilities = Tensor.zeros([0])
  /// Whether `probabilities` holds the last training batch's probabilities (the fused loss
  /// worked them out).
  var probabilitiesReady = false
  /// The last training batch's outputs (what the loss read: logits when fused), for the
  /// streaming metrics.
  var lastOutput: Tensor?
  /// The layers' names, and the layers themselves, for constant-time checks in `add`.
  private var names: Set<String> = []
  private var members: Set<ObjectIdentifier> = []
  /// Per kind, the number the next unnamed layer's name is looked for from.
  private var nextNumber: [String: Int] = [:]
  /// After a build: the initializer's stream where the last layer left it, and the last
  /// layer's width, so that `add` builds only the new layer.
  private var initStream: RandomStream?
  private var builtShape: [Int]?

  public init(inputShape: [Int]?, random: RandomStream) {
    self.inputShape = inputShape
    self.random = random
  }

  public convenience init(inputSize: Int? = nil, random: RandomStream) {
    self.init(inputShape: inputSize.map { [$0] }, random: random)
  }

  /// A graph model: `graph`'s layers built (weights drawn from `random`), its inputs packed
  /// side by side as the model's input.
  public convenience init(graph: Graph, random: RandomStream) throws {
    self.init(inputShape: [graph.packedInputWidth], random: random)
    self.graph = graph
    layers = graph.layers
    try graph.build(random: random)
  }

  /// Appends a layer, naming it `<kind>_<n>` unless it has a name, and building it when the
  /// input size is known. A first layer declared with an input size gives the model its own.
  /// Constant work per layer (names and members are looked up in sets, and only the new layer
  /// is built), so a model of n layers is made in time linear in n.
  public func add(_ layer: Layer) throws {
    try RunDeadline.check()
    if graph != nil { throw LayerError("a graph model (nn.Model) takes no layers with add: apply the layer to a node instead") }
    if members.contains(ObjectIdentifier(layer)) { throw LayerError("layer '\(layer.name)' is already in the model") }
    if layer.name.isEmpty {
      let base = Self.snakeCase(type(of: layer).kind)
      // Layers are never taken out, so the lowest free number of a kind only grows.
      var n = nextNumber[base] ?? 1
      while names.contains("\(base)_\(n)") { n += 1 }
      nextNumber[base] = n + 1
      layer.name = "\(base)_\(n)"
    } else if names.contains(layer.name) {
      throw LayerError("a layer named '\(layer.name)' is already in the model")
    }
    if layers.isEmpty, inputShape == nil, let declared = (layer as? InputSizeDeclaring)?.declaredInputSize { inputShape = [declared] }
    layers.append(layer)
    names.insert(layer.name)
    members.insert(ObjectIdentifier(layer))
    if let loss { head = OutputHead(layers: layers, loss: loss) }
    guard inputShape != nil else { return }
    if layers.count > 1, var stream = initStream, let shape = builtShape {
      // The same draws as building every layer again: the earlier layers' draws come first.
      builtShape = nil
      let out = try layer.build(inputShape: shape, random: &stream)
      layer.needsInputGradient = true
      layer.seed(random.derived("dropout"))
      initStream = stream
      builtShape = out
    } else {
      try build()
    }
  }

  /// Builds every layer for vectors of `size` features (or the known input shape).
  public func build(inputSize size: Int?) throws {
    try build(inputShape: size.map { [$0] })
  }

  /// Builds every layer for the known input shape (or `shape`, which must agree with it).
  public func build(inputShape shape: [Int]? = nil) throws {
    if let shape {
      if let known = inputShape, known != shape {
        throw LayerError("the model takes inputs of shape \(describeShape(known)) per sample, got data of shape \(describeShape(shape))")
      }
      inputShape = shape
    }
    if let graph {
      try graph.build(random: random)
      return
    }
    guard var current = inputShape else { throw LayerError("the model's input size is unknown: give input_dim or input_shape") }
    initStream = nil
    builtShape = nil
    var stream = random.derived("init")
    for (i, layer) in layers.enumerated() {
      guard Tensor.elementCount(current) != nil else {
        let what = current.count == 1 ? "\(current[0]) features" : "inputs of shape \(describeShape(current))"
        throw LayerError("\(layer.name) would take \(what); expected at most \(Tensor.maxElements)\(current.count == 1 ? "" : " values per sample")")
      }
      try RunDeadline.check()
      current = try layer.build(inputShape: current, random: &stream)
      layer.needsInputGradient = i > 0
      layer.seed(random.derived("dropout"))
    }
    initStream = stream
    builtShape = current
  }

  /// Values per sample out of the model (the product of its output shape), once built.
  public var outputSize: Int? { graph.map(\.packedOutputWidth) ?? layers.last?.outputSize }
  /// The per-sample output shape, once built (a graph's outputs side by side).
  public var outputShape: [Int]? { graph.map { [$0.packedOutputWidth] } ?? layers.last.map(\.outputShape) }
  public var parameters: [Weight] { layers.flatMap(\.parameters) }
  public var isCompiled: Bool { optimizer != nil && loss != nil }

  /// Chooses the optimizer, the loss and the metrics to report: built-in metric names, or
  /// names of metrics added to `catalog`.
  public func compile(optimizer: Optimizer, loss: Loss, metrics: [String] = [], in catalog: Catalog? = nil) throws {
    if let graph {
      let n = graph.outputs.count
      try compile(optimizer: optimizer, losses: Array(repeating: loss, count: n), lossWeights: Array(repeating: 1, count: n),
                  metrics: Array(repeating: metrics, count: n), in: catalog)
      return
    }
    metricMakers = try metrics.map { try TrainingMetrics.maker($0, in: catalog) }
    trainingMetrics = metricMakers.map { $0() }
    self.optimizer = optimizer
    self.loss = loss
    self.metricNames = metrics
    // Whatever layer ends in the activation the loss absorbs (Dense with that activation, or
    // an Activation layer) hands the loss its logits in training and evaluation.
    head = OutputHead(layers: layers, loss: loss)
  }

  /// The model's output for `x` (probabilities for a sigmoid output), computed in batches.
  public func predict(_ x: Tensor, batchSize: Int = 256) throws -> Tensor {
    try checkFeatures(x)
    let n = x.shape[0]
    var out = Tensor(uninitializedShape: [n] + (outputShape ?? [0]))
    var start = 0
    while start < n {
      let end = min(n, start + max(batchSize, 1))
      let y = try forward(try x.rows(start..<end), training: false)
      out.withUnsafeMutableBufferPointer { p in
        (p.baseAddress! + start * (y.count / max(end - start, 1))).update(from: y.storage.pointer, count: y.count)  // cannot fail: a tensor's storage always has an address
      }
      start = end
    }
    return out
  }

  /// Runs every layer: the model's outputs (probabilities for a sigmoid output).
  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    if let graph { return try graph.forwardPacked(x, training: training) }
    var h = x
    var mask: Tensor? = nil
    for layer in layers { h = try layer.forward(h, training: training, mask: &mask) }
    return h
  }

  /// Runs every layer backward from the gradient of the loss with respect to the output.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws {
    if let graph { return try graph.backwardPacked(gradOutput, accumulate: accumulate) }
    var g = gradOutput
    for layer in layers.reversed() { g = try layer.backward(g, accumulate: accumulate) }
  }

  func checkFeatures(_ x: Tensor) throws {
    let sample = x.rank >= 2 ? Array(x.shape.dropFirst()) : nil
    if inputShape == nil || !(layers.first?.isBuilt ?? false) { try build(inputShape: sample) }
    guard let inputShape, sample == inputShape else {
      let expected = inputShape.map { $0.count == 1 ? "\($0[0]) features" : "inputs of shape \(describeShape($0)) per sample" } ?? "?"
      throw LayerError("the model takes \(expected), got data of shape \(describeShape(x.shape))")
    }
  }

  /// The weights in layer order (for Dense: W as [in, out], then b), as copies.
  public func weights() -> [Tensor] {
    layers.flatMap { $0.parameters + $0.state }.map { Tensor(shape: $0.value.shape, storage: TensorStorage(copying: $0.value.storage)) }
  }

  /// Replaces the weights, in the order `weights()` gives them; shapes must match. The values
  /// are copied into the live tensors, so a custom layer's forward reads them.
  public func setWeights(_ values: [Tensor]) throws {
    let targets = layers.flatMap { $0.parameters + $0.state }
    guard values.count == targets.count else {
      throw LayerError("expected \(targets.count) weight tensors, got \(values.count)")
    }
    for (k, (p, v)) in zip(targets, values).enumerated() where p.value.shape != v.shape {
      throw LayerError("weight \(k + 1) (\(p.name)) has shape \(describeShape(p.value.shape)), got \(describeShape(v.shape))")
    }
    for (p, v) in zip(targets, values) { try p.assign(v) }
  }

  static func snakeCase(_ s: String) -> String {
    // A word starts at a capital after a small letter, as Keras names layers (Conv2D: conv2d).
    var out = ""
    var previous: Character?
    for c in s {
      if c.isUppercase, previous?.isLowercase == true { out += "_" }
      out += c.lowercased()
      previous = c
    }
    return out
  }
}
