import Catalog
import Foundation
import Testing
import TestSupport
@testable import NN
import Tensors

/// An embedding's initializer parameters, regularizers and constraint, as Keras 3 spells them.
/// Three steps each against PyTorch (values from torch 2, `F.embedding` with the penalty written
/// into the loss and the constraint applied after `opt.step()`): the penalty on the table makes
/// its gradient dense, so Adam moves every row, as Keras's does.
@Suite struct EmbeddingRulesTests {
  static let w0: [Float] = [-1.126, -1.152, 0.567, 0.794, 0.599, -1.555, -0.341, 1.853, 0.468,
                            -0.158, -0.173, 0.183, 1.389, 1.586, 0.946, -0.844, 0.932, 1.259]
  static let indices: [[Float]] = [[1, 2, 2, 4], [4, 4, 5, 1], [0, 2, 3, 1]]
  static let gradOutputs: [[Float]] = [
    [0.409, 1.421, 0.149, -0.671, -0.214, -0.432, -0.708, -0.106, -1.243, -0.476, -0.686, -1.505],
    [0.255, 1.804, -0.45, -0.483, 0.658, 0.939, 1.132, -0.645, -1.77, 0.214, -0.538, 0.588],
    [1.606, 0.428, -0.678, 1.042, -1.951, 0.419, 3.321, 0.876, 1.235, -1.164, -0.024, 0.648],
  ]

  /// Three steps as the training loop takes them: forward, backward (the loss's gradient is
  /// `gradOutputs`), penalties, the optimizer's step, the constraints.
  func train(_ rules: WeightRules, _ optimizer: Optimizer) throws -> Embedding {
    let e = try Embedding(inputDim: 6, outputDim: 3, rules: rules, name: "tokens")
    var r = RandomStream(seed: 1)
    _ = try e.build(inputShape: [2], random: &r)
    try e.embeddings!.assign(Tensor(shape: [6, 3], scalars: Self.w0))
    for k in 0..<3 {
      _ = try e.forward(Tensor(shape: [2, 2], scalars: Self.indices[k]), training: true)
      _ = try e.backward(Tensor(shape: [2, 2, 3], scalars: Self.gradOutputs[k]), accumulate: false)
      Regularization.apply(to: [e])
      optimizer.step(e.parameters)
      Regularization.constrain([e])
    }
    return e
  }

  @Test func anL2PenaltyOnTheTableMakesAdamMoveEveryRowAsPyTorch() throws {
    let e = try train(WeightRules(kernelRegularizer: Regularizer(l2: 0.05)), Adam(learningRate: 0.01))
    let want: [Float] = [-1.1115409, -1.1341441, 0.5523653, 0.7766563, 0.5816193, -1.560884, -0.32352036, 1.867018, 0.48752925,
                         -0.14435995, -0.15919285, 0.15647662, 1.4109654, 1.5850359, 0.9615138, -0.84567225, 0.93192726, 1.2607485]
    #expect(maxRelativeError(e.embeddings!.value, Tensor(shape: [6, 3], scalars: want)) <= 1e-5)
    #expect(e.embeddings!.touchedRows == nil, "a penalised table's gradient is dense")
    let w = e.embeddings!.value.scalars
    #expect(abs(Regularization.penalty(of: [e]) - 0.05 * w.reduce(0.0) { $0 + Double($1 * $1) }) <= 1e-6)
  }

  @Test func anActivityPenaltyIsOnTheLookedUpVectors() throws {
    let e = try train(WeightRules(activityRegularizer: Regularizer(l1: 0.02)), SGD(learningRate: 0.1))
    let want: [Float] = [-1.2846, -1.1928, 0.6328, 0.8421, 0.5071, -1.6875, -0.3013, 2.0741, 0.5876,
                         -0.4881, -0.2586, 0.0575, 1.4534, 1.4024, 1.0416, -0.9552, 0.9945, 1.434]
    #expect(maxRelativeError(e.embeddings!.value, Tensor(shape: [6, 3], scalars: want)) <= 1e-5)
    #expect(e.embeddings!.touchedRows != nil, "an activity penalty leaves the gradient sparse")
    let y = try e.forward(Tensor(shape: [1, 2], scalars: [0, 5]), training: false)
    #expect(abs(e.activityPenalty - 0.02 * y.scalars.reduce(0.0) { $0 + Double(abs($1)) }) <= 1e-6)
  }

  /// unit_norm over axis 0 (each of the three columns, across the vocabulary) after every step.
  @Test func aConstraintProjectsTheWholeTableAfterTheStep() throws {
    let e = try train(WeightRules(kernelConstraint: .unitNorm(axes: [0])), SGD(learningRate: 0.1))
    let want: [Float] = [-0.5414251, -0.3986882, 0.26195326, 0.35278785, 0.1956037, -0.6581914, -0.16002648, 0.75936663, 0.18114242,
                         -0.3326042, -0.12931836, -0.054136578, 0.5387895, 0.29146668, 0.3397955, -0.39480537, 0.35280725, 0.5890331]
    #expect(maxRelativeError(e.embeddings!.value, Tensor(shape: [6, 3], scalars: want)) <= 1e-5)
  }

  @Test func initializerParametersAndKerasNames() throws {
    let spread = Initializer(.random_uniform, ["minval": 0.25, "maxval": 0.5])
    let e = try Embedding(inputDim: 40, outputDim: 5, initializer: spread, name: "tokens")
    var r = RandomStream(seed: 2)
    _ = try e.build(inputShape: [3], random: &r)
    #expect(e.embeddings!.value.scalars.allSatisfy { $0 >= 0.25 && $0 <= 0.5 })
    #expect(Embedding.configInitializer(e.config) == ["name": "random_uniform", "maxval": "0.5", "minval": "0.25"])
    #expect(try Embedding.parseInitializer(.string("uniform")) == .random_uniform)
    #expect(try Embedding.parseInitializer(.table([("name", .string("normal")), ("stddev", .number(0.5))])) == Initializer(.random_normal, ["stddev": 0.5]))
    #expect(throws: CatalogError.self) { try Embedding.parseInitializer(.table([("name", .string("uniform")), ("stddev", .number(1))])) }
  }

  /// Through the script-level entry and a model file: the rules and the initializer come back.
  @Test func theRulesAndTheInitializerLoadBack() throws {
    let session = try nnSession()
    let entry = try #require(session.catalog.entry("nn.Embedding"))
    let options: [(key: String, value: Value)] = [
      ("embeddings_initializer", .table([("name", .string("truncated_normal")), ("stddev", .number(0.02))])),
      ("embeddings_regularizer", .string("l2")), ("embeddings_constraint", .string("non_neg")),
      ("activity_regularizer", .table([("l1", .number(0.001))])),
    ]
    guard case .object(let o as LayerObject)? = try entry.call([.integer(9), .integer(4), .table(options)], in: session).first,
          let e = o.layer as? Embedding else { throw LayerError("nn.Embedding built no embedding") }
    #expect(e.rules == WeightRules(kernelRegularizer: Regularizer(l2: 0.01), activityRegularizer: Regularizer(l1: 0.001), kernelConstraint: .nonNeg))
    #expect(e.initializer == Initializer(.truncated_normal, ["stddev": 0.02]))
    let net = Sequential(inputShape: [3], random: RandomStream(seed: 4))
    try net.add(e)
    try net.compile(optimizer: Adam(), loss: MeanSquaredError())
    let path = NSTemporaryDirectory() + "crescent-embedding-rules-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let back = try #require(try ModelFile.load(path, in: session).network.layers[0] as? Embedding)
    #expect(back.rules == e.rules && back.initializer == e.initializer)
    #expect(back.embeddings!.value.scalars == e.embeddings!.value.scalars)
    let error = #expect(throws: CatalogError.self) {
      try entry.call([.integer(9), .integer(4), .table([("kernel_regularizer", .string("l2"))])], in: session)
    }
    #expect(error != nil)
  }
}

private extension Embedding {
  /// The saved initializer, its values as text (for comparison).
  static func configInitializer(_ config: [String: Any]) -> [String: String] {
    (config["embeddings_initializer"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
  }
}
