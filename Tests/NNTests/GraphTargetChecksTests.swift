import Testing
@testable import NN
import Tensors

/// A graph model's targets are checked per output before any step, as a stack's are, with the
/// output's name in the error; class_weight is for one output (Keras 3 refuses it otherwise).
@Suite struct GraphTargetChecksTests {
  func options(epochs: Int) -> FitOptions {
    var o = FitOptions()
    o.epochs = epochs
    o.batchSize = 3
    o.shuffle = false
    o.verbose = 0
    return o
  }

  /// x(3) → labels (Dense 2 sigmoid, binary cross-entropy) and count (Dense 1, mse).
  static func twoHeads() throws -> Sequential {
    let x = try Node(inputShape: [3], name: "x")
    let labels = try Node(applying: Dense(units: 2, activation: .sigmoid, name: "labels"), to: [x], list: false)
    let count = try Node(applying: Dense(units: 1, name: "count"), to: [x], list: false)
    let net = try Sequential(graph: Graph(inputs: [x], outputs: [labels, count]), random: RandomStream(seed: 2))
    try net.compile(optimizer: SGD(learningRate: 0.1), losses: [BinaryCrossEntropy(), MeanSquaredError()], lossWeights: [1, 1], metrics: [[], []])
    return net
  }

  static let x = Tensor(shape: [3, 3], scalars: (0..<9).map { Float($0) / 9 })

  @Test func aBinaryTargetOutsideZeroOneNamesItsOutput() throws {
    let net = try Self.twoHeads()
    let before = net.weights().map(\.scalars)
    // count's targets (last column) may be anything; labels' second column holds 1.5.
    let y = Tensor(shape: [3, 3], scalars: [0, 1, 7, 1, 1.5, -3, 0, 0, 12])
    let error = #expect(throws: LayerError.self) { try net.fit(x: Self.x, y: y, options: options(epochs: 1)) }
    #expect(error?.message == "output 'labels': binary_crossentropy needs targets in [0, 1], but y['labels'] has 1.5 at row 2, column 2")
    #expect(net.weights().map(\.scalars) == before, "refused before any step")
    // Large targets for the mse output alone are fine.
    try net.fit(x: Self.x, y: Tensor(shape: [3, 3], scalars: [0, 1, 7, 1, 0.5, -3, 0, 0, 12]), options: options(epochs: 1))
  }

  @Test func classWeightWithSeveralOutputsIsRefusedBeforeTraining() throws {
    let net = try Self.twoHeads()
    var options = self.options(epochs: 1)
    options.classWeights = [1, 2, 1]
    let y = Tensor(shape: [3, 3], scalars: [0, 1, 7, 1, 1, -3, 0, 0, 12])
    let error = #expect(throws: LayerError.self) { try net.fit(x: Self.x, y: y, options: options) }
    #expect(error?.message == "class_weight is for models with one output; this one has 2 (labels, count): weigh samples with sample_weight instead")
  }

  /// With one output, class_weight reaches its loss: the same run as the stack's.
  @Test func classWeightWithOneOutputWeighsLabelsAsTheStack() throws {
    func graphModel() throws -> Sequential {
      let x = try Node(inputShape: [3], name: "x")
      let out = try Node(applying: Dense(units: 2, activation: .sigmoid, name: "labels"), to: [x], list: false)
      let net = try Sequential(graph: Graph(inputs: [x], outputs: [out]), random: RandomStream(seed: 2))
      try net.compile(optimizer: SGD(learningRate: 0.5), loss: BinaryCrossEntropy())
      return net
    }
    let y = Tensor(shape: [3, 2], scalars: [0, 1, 1, 1, 0, 0])
    var options = self.options(epochs: 2)
    let plain = try graphModel()
    try plain.fit(x: Self.x, y: y, options: options)
    options.classWeights = [1, 4]
    let weighted = try graphModel()
    try weighted.fit(x: Self.x, y: y, options: options)
    let stack = Sequential(inputSize: 3, random: RandomStream(seed: 2))
    try stack.add(Dense(units: 2, activation: .sigmoid, name: "labels"))
    try stack.compile(optimizer: SGD(learningRate: 0.5), loss: BinaryCrossEntropy())
    try stack.fit(x: Self.x, y: y, options: options)
    #expect(weighted.weights().map(\.scalars) != plain.weights().map(\.scalars))
    #expect(weighted.weights().map(\.scalars) == stack.weights().map(\.scalars))
  }
}
