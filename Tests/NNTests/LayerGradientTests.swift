import Catalog
import Testing
import TestSupport
@testable import NN
import Tensors

/// Catalog-wide: every registered layer passes a finite-difference gradient check, for its
/// input and every weight.
@Suite struct LayerGradientTests {
  /// Sample arguments for each registered layer kind (a new layer adds its line here).
  static var samples: [String: [[Value]]] { [
    "Dense": Activation.allCases.map { [.integer(4), .table([("activation", .string($0.rawValue))])] }
      + [[.integer(3), .table([("use_bias", .bool(false))])]],
    "Dropout": [[.number(0.3)]],
    "GaussianNoise": [[.number(0.5)]],
    "Activation": Activation.allCases.map { [.string($0.rawValue)] },
    "BatchNormalization": [[]],
    // Merge layers take several inputs: MergeLayerGradientTests checks them.
    "Add": [], "Subtract": [], "Multiply": [], "Average": [], "Maximum": [], "Concatenate": [],
    "LayerNormalization": [[]],
    "Custom": [[.table([("forward", .function(HostFunction { args in
      // forward(self, x) = tanh(x ⊙ w + b), with w and b from the layer's parameters.
      guard case .table(let fields) = args[0], case .tensor(let x) = args[1],
            case .table(let ps)? = fields.first(where: { $0.key == "parameters" })?.value,
            case .tensor(let w)? = ps.first(where: { $0.key == "w" })?.value,
            case .tensor(let b)? = ps.first(where: { $0.key == "b" })?.value else { return [] }
      return [.tensor(try x.applying(.mul, w).applying(.add, b).applying(.tanh))]
    })), ("parameters", .table([("w", .tensor(Tensor(shape: [1, 5], scalars: [0.5, -1, 2, 0.3, 1]).requiringGradient())),
                                 ("b", .tensor(Tensor(shape: [5], scalars: [0.1, 0, -0.2, 0.3, 0]).requiringGradient()))]))])]],
    "Conv1D": [[.integer(3), .integer(3), .table([("padding", .string("same")), ("activation", .string("tanh"))])],
               [.integer(2), .list([.integer(2)]), .table([("strides", .integer(2)), ("dilation_rate", .integer(2))])]],
    "Conv2D": [[.integer(3), .list([.integer(3), .integer(2)]), .table([("padding", .string("same")), ("strides", .integer(2))])],
               [.integer(2), .integer(2), .table([("dilation_rate", .integer(2)), ("activation", .string("softmax"))])]],
    "MaxPooling1D": [[], [.integer(3), .table([("strides", .integer(2)), ("padding", .string("same"))])]],
    "MaxPooling2D": [[], [.list([.integer(3), .integer(2)]), .table([("strides", .integer(1)), ("padding", .string("same"))])]],
    "AveragePooling1D": [[], [.integer(3), .table([("strides", .integer(2)), ("padding", .string("same"))])]],
    "AveragePooling2D": [[], [.list([.integer(3), .integer(2)]), .table([("strides", .integer(1)), ("padding", .string("same"))])]],
  ] }

  /// Per-sample input shapes of the layers that need more than a features axis.
  static let inputShapes: [String: [Int]] = [
    "Conv1D": [7, 2], "Conv2D": [5, 4, 2], "MaxPooling1D": [7, 2], "MaxPooling2D": [5, 4, 2],
    "AveragePooling1D": [7, 2], "AveragePooling2D": [5, 4, 2],
  ]

  /// Distinct values 0.05 apart in a shuffled order: no finite-difference step changes which
  /// value a max picks.
  static func spread(_ shape: [Int]) -> Tensor {
    var r = RandomStream(seed: 8)
    let count = shape.reduce(1, *)
    let keys = Tensor.randomUniform([count], stream: &r).scalars
    let order = (0..<count).sorted { keys[$0] < keys[$1] }
    return Tensor(shape: shape, scalars: order.map { Float($0) * 0.05 - 1 })
  }

  @Test func everyRegisteredLayerHasSamples() {
    for e in LayerLibrary.entries {
      #expect(Self.samples[e.name] != nil || ShapedLayerTests.samples[e.name] != nil, "no gradient-check sample for \(e.name)")
    }
  }

  @Test(arguments: LayerLibrary.entries.map(\.name))
  func finiteDifferencesAndRoundTrip(_ kind: String) throws {
    if MergeLayerGradientTests.kinds.contains(kind) { return try MergeLayerGradientTests.check(kind) }
    let entry = LayerLibrary.entries.first { $0.name == kind }!
    for args in Self.samples[kind] ?? [] {
      let shape = Self.inputShapes[kind] ?? [5]
      try checkLayer("\(kind) \(args.map(\.literal))", inputShape: shape, roundTrip: kind != "Custom",
                     input: kind.hasPrefix("MaxPooling") ? Self.spread([4] + shape) : nil) {
        guard case .object(let o)? = try entry.call(args, in: Session(catalog: Catalog())).first, let layer = (o as? LayerObject)?.layer else { throw LayerError("\(kind) not built") }
        return layer
      }
    }
  }

  /// Dense with each activation against PyTorch's output and gradients.
  @Test(arguments: Activation.allCases)
  func denseMatchesPyTorch(_ activation: Activation) throws {
    let d = Reference.section("dense") as! [String: Any]
    let ref = Reference.denseActivation(activation.rawValue)
    let w = Reference.tensor(d["W"]!)
    let oracle = LayerOracle(input: Reference.tensor(d["x"]!), parameters: [w, Reference.tensor(d["b"]!)],
                             gradOutput: Reference.tensor(d["grad_output"]!), output: Reference.tensor(ref["output"]!),
                             gradients: [Reference.tensor(ref["grad_x"]!), Reference.tensor(ref["grad_W"]!), Reference.tensor(ref["grad_b"]!)],
                             tolerance: 1e-4)
    try checkLayer("Dense \(activation)", inputSize: w.shape[0], oracle: oracle) { Dense(units: w.shape[1], activation: activation) }
  }
}

/// Same seed, same bits: training is deterministic and independent of the thread count.
@Suite(.serialized) struct DeterminismTests {
  func train(threads: Int) throws -> [Tensor] {
    try Parallel.withThreads(threads) { try trainBody() }
  }

  func trainBody() throws -> [Tensor] {
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([256, 300], stream: &r)
    let y = try Tensor.randomUniform([256, 10], stream: &r).compared(.lt, Tensor(scalar: 0.3))
    let m = Sequential(inputSize: 300, random: RandomStream(seed: 11))
    try m.add(Dense(units: 512, activation: .relu))
    try m.add(Dropout(rate: 0.2))
    try m.add(Dense(units: 10, activation: .sigmoid))
    try m.compile(optimizer: Adam(), loss: BinaryCrossEntropy())
    var o = FitOptions()
    o.batchSize = 128; o.epochs = 2; o.verbose = 0
    try m.fit(x: x, y: y, options: o)
    return m.weights()
  }

  @Test func sameSeedSameWeightsWithOneOrTwoThreads() throws {
    let a = try train(threads: 1), b = try train(threads: 2), c = try train(threads: 2)
    for (p, q) in zip(a, b) { #expect(p.scalars.map(\.bitPattern) == q.scalars.map(\.bitPattern)) }
    for (p, q) in zip(b, c) { #expect(p.scalars.map(\.bitPattern) == q.scalars.map(\.bitPattern)) }
  }
}
