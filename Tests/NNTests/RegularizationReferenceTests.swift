import Foundation
import Testing
@testable import NN
import Tensors

/// Regularizers, constraints and a frozen layer over 20 Adam steps, against PyTorch
/// (Fixtures/regularizers.json, tests/python/make_regularizers.py).
@Suite struct RegularizationReferenceTests {
  nonisolated(unsafe) static let json: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/regularizers.json")
    return try! JSONSerialization.jsonObject(with: try! Data(contentsOf: url)) as! [String: Any]
  }()
  static func tensor(_ section: String, _ key: String) -> Tensor { Reference.tensor((json[section] as! [String: Any])[key]!) }

  /// The model make_regularizers.py trains, from its initial weights.
  static func model() throws -> Sequential {
    let m = Sequential(inputSize: 6, random: RandomStream(seed: 1))
    try m.add(Dense(units: 8, activation: .relu, rules: WeightRules(
      kernelRegularizer: Regularizer(l2: 0.01), biasRegularizer: Regularizer(l1: 0.02),
      activityRegularizer: Regularizer(l1: 0.001), kernelConstraint: .maxNorm(0.8, axes: [0]))))
    let frozen = Dense(units: 5, activation: .tanh, rules: WeightRules(kernelRegularizer: Regularizer(l2: 0.5)))
    try m.add(frozen)
    try m.add(Dense(units: 3, activation: .sigmoid, rules: WeightRules(
      kernelRegularizer: Regularizer(l1: 0.005, l2: 0.01), activityRegularizer: Regularizer(l2: 0.002), biasConstraint: .nonNeg)))
    try m.setWeights(["W1", "b1", "W2", "b2", "W3", "b3"].map { tensor("init", $0) })
    frozen.trainable = false
    try m.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy())
    return m
  }

  @Test func twentyAdamStepsMatchPyTorch() throws {
    let m = try Self.model()
    #expect(m.fusedOutput)  // the last activity penalty goes through the logits path
    let x = Reference.tensor(Reference.section("training", "x")), y = Reference.tensor(Reference.section("training", "y"))
    let losses = Self.json["losses"] as! [Double]
    for (k, want) in losses.enumerated() {
      let got = try m.trainOnBatch(x: x, y: y)
      #expect(abs(got - want) <= 1e-5 * abs(want), "step \(k + 1): loss \(got) vs \(want)")
    }
    for (k, (got, name)) in zip(m.weights(), ["W1", "b1", "W2", "b2", "W3", "b3"]).enumerated() {
      let want = Self.tensor("final", name)
      let err = zip(got.scalars, want.scalars).map { abs($0 - $1) }.max()!
      #expect(err <= 1e-4, "weight \(k + 1) (\(name)) off by \(err)")
    }
    // the constraints hold at the end: columns of W1 within norm 0.8, b3 non-negative
    let w1 = m.weights()[0]
    for j in 0..<8 {
      let n = (0..<6).reduce(0.0) { $0 + Double(w1.scalars[$1 * 8 + j] * w1.scalars[$1 * 8 + j]) }.squareRoot()
      #expect(n <= 0.8 + 1e-6)
    }
    #expect(m.weights()[5].scalars.allSatisfy { $0 >= 0 })
    #expect(m.weights()[2].scalars == Self.tensor("init", "W2").scalars, "the frozen kernel moved")
  }

  /// The penalty the loss carries at the initial weights: PyTorch's, and a sum by hand.
  @Test func penaltyMatchesHandComputation() throws {
    let m = try Self.model()
    let x = Reference.tensor(Reference.section("training", "x"))
    let out = try m.forward(x, training: false)
    let got = Regularization.penalty(of: m.layers)
    #expect(abs(got - (Self.json["penalty_at_init"] as! Double)) <= 1e-6)
    // by hand, in Double
    let w = m.weights().map { $0.scalars.map(Double.init) }
    let h1 = try m.layers[0].forward(x, training: false).scalars.map(Double.init)
    var hand = 0.01 * w[0].reduce(0) { $0 + $1 * $1 } + 0.02 * w[1].reduce(0) { $0 + abs($1) }
    hand += 0.001 * h1.reduce(0) { $0 + abs($1) }
    hand += 0.005 * w[4].reduce(0) { $0 + abs($1) } + 0.01 * w[4].reduce(0) { $0 + $1 * $1 }
    hand += 0.002 * out.scalars.reduce(0) { $0 + Double($1) * Double($1) }
    #expect(abs(got - hand) <= 1e-9 * hand)
  }

  /// model:gradients carries the penalties: the kernel's gradient is the plain one plus 2 l2 W.
  @Test func gradientsIncludeThePenalty() throws {
    let plain = Sequential(inputSize: 6, random: RandomStream(seed: 3))
    try plain.add(Dense(units: 4, activation: .tanh))
    let ruled = Sequential(inputSize: 6, random: RandomStream(seed: 3))
    try ruled.add(Dense(units: 4, activation: .tanh, rules: WeightRules(kernelRegularizer: Regularizer(l1: 0.1, l2: 0.3))))
    for m in [plain, ruled] { try m.compile(optimizer: Adam(), loss: MeanSquaredError()) }
    try ruled.setWeights(plain.weights())
    let x = Tensor(shape: [3, 6], scalars: (0..<18).map { Float($0 % 7) / 7 - 0.4 })
    let y = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0 % 5) / 5 })
    let (l0, g0) = try plain.gradients(x: x, y: y), (l1, g1) = try ruled.gradients(x: x, y: y)
    let w = plain.weights()[0].scalars
    let penalty = w.reduce(0.0) { $0 + 0.1 * abs(Double($1)) + 0.3 * Double($1) * Double($1) }
    #expect(abs((l1 - l0) - penalty) <= 1e-6)
    for i in 0..<w.count {
      let s: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
      #expect(abs(g1[0].scalars[i] - (g0[0].scalars[i] + 0.1 * s + 0.6 * w[i])) <= 1e-6)
    }
    #expect(g1[1].scalars == g0[1].scalars, "the bias has no regularizer")
  }
}
