import Catalog
import Foundation
import TestSupport
import Testing
@testable import NN
import Tensors

/// Frozen flags, regularizers, constraints and initializer parameters survive a model file.
@Suite struct ModelFileRulesTests {
  @Test func rulesAndFrozenFlagsLoadBack() throws {
    let net = Sequential(inputSize: 3, random: RandomStream(seed: 4))
    let rules = WeightRules(kernelRegularizer: Regularizer(l1: 0.01, l2: 0.02), biasRegularizer: Regularizer(l2: 0.5),
                            activityRegularizer: Regularizer(l1: 0.003), kernelConstraint: .maxNorm(1.5, axes: [0, 1]),
                            biasConstraint: .nonNeg)
    let start = Initializer(.variance_scaling, ["scale": 2], mode: .fan_out, distribution: .uniform)
    try net.add(Dense(units: 4, activation: .mish, kernelInitializer: start, rules: rules))
    try net.add(BatchNormalization())
    try net.add(Dense(units: 2, kernelConstraint: nil))
    net.layers[1].trainable = false
    net.layers[2].trainable = false
    try net.compile(optimizer: Adam(), loss: MeanSquaredError())
    let path = NSTemporaryDirectory() + "crescent-rules-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let back = try ModelFile.load(path, in: try nnSession()).network
    let d = try #require(back.layers[0] as? Dense)
    #expect(d.rules == rules)
    #expect(d.kernelInitializer == start)
    #expect(d.activation == .mish)
    #expect(back.layers.map(\.trainable) == [true, false, false])
    #expect(back.summary().contains("Trainable params: 16"))
  }
}

private extension Dense {
  convenience init(units: Int, kernelConstraint: Constraint?) {
    self.init(units: units, rules: WeightRules(kernelConstraint: kernelConstraint))
  }
}
