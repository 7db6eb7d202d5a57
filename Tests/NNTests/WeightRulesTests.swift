import Foundation
import Testing
@testable import NN
import Tensors

/// Regularizers and constraints by hand, frozen layers and per-layer weights.
@Suite struct WeightRulesTests {
  @Test func regularizerPenaltyAndGradientByHand() {
    let r = Regularizer(l1: 0.1, l2: 0.01)
    let w: [Float] = [1, -2, 0, 3]
    #expect(abs(r.penalty(w, count: 4) - (0.1 * 6 + 0.01 * 14)) <= 1e-12)
    var g: [Float] = [1, 1, 1, 1]
    r.addGradient(of: w, into: &g, count: 4)
    let want: [Float] = [1 + 0.1 + 0.02, 1 - 0.1 - 0.04, 1, 1 + 0.1 + 0.06]
    for i in 0..<4 { #expect(abs(g[i] - want[i]) <= 1e-6) }
  }

  @Test func maxNormRescalesColumnsAboveTheLimitOnly() throws {
    // columns (axis 0): norms 5 and 0.5
    let w = Weight(name: "d/kernel", value: Tensor(shape: [2, 2], scalars: [3, 0.3, 4, 0.4]))
    let c = Constraint.maxNorm(2, axes: [0])
    try c.check(w)
    c.apply(to: w)
    let s = w.value.scalars
    #expect(abs(s[0] - Float(3 * 2 / (5 + 1e-7))) <= 1e-6 && abs(s[2] - Float(4 * 2 / (5 + 1e-7))) <= 1e-6)
    #expect(abs(s[1] - Float(0.3 * 0.5 / (0.5 + 1e-7))) <= 1e-7 && abs(s[3] - 0.4) <= 1e-6)
    // axis 1: each row
    let r = Weight(name: "d/kernel", value: Tensor(shape: [2, 2], scalars: [3, 4, 0.3, 0.4]))
    Constraint.unitNorm(axes: [1]).apply(to: r)
    #expect(r.value.scalars.map { ($0 * 1000).rounded() / 1000 } == [0.6, 0.8, 0.6, 0.8])
    #expect(throws: LayerError.self) { try Constraint.maxNorm(2, axes: [2]).check(w) }
  }

  @Test func nonNegZeroesNegatives() {
    let w = Weight(name: "d/bias", value: Tensor(shape: [4], scalars: [-1, 2, -0.0, -3e-8]))
    Constraint.nonNeg.apply(to: w)
    #expect(w.value.scalars == [0, 2, 0, 0])
  }

  /// A frozen layer keeps its weights through training, counts as non-trainable, and freezing
  /// before the build carries over to the weights built later.
  @Test func frozenDenseIsNotUpdated() throws {
    let m = Sequential(inputSize: 3, random: RandomStream(seed: 5))
    let first = Dense(units: 4, activation: .relu)
    first.trainable = false  // before it is built
    try m.add(first)
    try m.add(Dense(units: 2))
    try m.compile(optimizer: Adam(learningRate: 0.1), loss: MeanSquaredError())
    let before = m.weights()
    let x = Tensor(shape: [4, 3], scalars: (0..<12).map { Float($0) / 6 - 1 }), y = Tensor(shape: [4, 2], scalars: (0..<8).map { Float($0) / 8 })
    for _ in 0..<3 { try m.trainOnBatch(x: x, y: y) }
    let after = m.weights()
    #expect(after[0].scalars == before[0].scalars && after[1].scalars == before[1].scalars)
    #expect(after[2].scalars != before[2].scalars)
    #expect(m.summary().contains("Trainable params: 10") && m.summary().contains("Non-trainable params: 16"))
    #expect(!first.trainable && m.layers[1].trainable)
  }

  /// Frozen, BatchNormalization runs in inference mode in training too (Keras 3): moving
  /// statistics untouched, output and input gradient those of the affine inference transform.
  @Test func frozenBatchNormalizationRunsInInferenceMode() throws {
    let bn = BatchNormalization()
    var r = RandomStream(seed: 1)
    _ = try bn.build(inputShape: [2], random: &r)
    try bn.setWeightValues([Tensor(shape: [2], scalars: [2, 0.5]), Tensor(shape: [2], scalars: [0.1, -0.2]),
                            Tensor(shape: [2], scalars: [1, -1]), Tensor(shape: [2], scalars: [4, 0.25])])
    bn.trainable = false
    let x = Tensor(shape: [3, 2], scalars: [0, 1, 2, -1, 4, 3])
    let y = try bn.forward(x, training: true).scalars
    for i in 0..<3 {
      let v0 = 2 * (Double(x.scalars[2 * i]) - 1) / (4 + 1e-3).squareRoot() + 0.1
      let v1 = 0.5 * (Double(x.scalars[2 * i + 1]) + 1) / (0.25 + 1e-3).squareRoot() - 0.2
      #expect(abs(Double(y[2 * i]) - v0) <= 1e-5 && abs(Double(y[2 * i + 1]) - v1) <= 1e-5)
    }
    #expect(bn.weightValues()[2].scalars == [1, -1] && bn.weightValues()[3].scalars == [4, 0.25])
    let dx = try bn.backward(Tensor(shape: [3, 2], scalars: [1, 1, 1, 1, 1, 1]), accumulate: false).scalars
    #expect(abs(Double(dx[0]) - 2 / (4 + 1e-3).squareRoot()) <= 1e-6 && abs(Double(dx[1]) - 0.5 / (0.25 + 1e-3).squareRoot()) <= 1e-6)
    bn.trainable = true
    _ = try bn.forward(x, training: true)
    #expect(bn.weightValues()[2].scalars != [1, -1], "unfrozen, training updates the moving mean")
  }

  @Test func layerWeightsCopyInAndOutWithShapesChecked() throws {
    let d = Dense(units: 2, name: "d")
    var r = RandomStream(seed: 2)
    #expect(throws: LayerError.self) { try d.setWeightValues([]) }
    try d.setTrainable(false)  // Dense keeps its flag unbuilt
    try d.setTrainable(true)
    _ = try d.build(inputShape: [3], random: &r)
    let w = d.weightValues()
    #expect(w.map(\.shape) == [[3, 2], [2]])
    w[0].storage.pointer[0] = 42  // a copy: the layer does not change
    #expect(d.kernel!.value.scalars[0] != 42)
    let e = #expect(throws: LayerError.self) { try d.setWeightValues([Tensor.zeros([2, 3]), Tensor.zeros([2])]) }
    #expect(e?.message.contains("d/kernel") == true && e?.message.contains("2x3") == true)
    #expect(throws: LayerError.self) { try d.setWeightValues([Tensor.zeros([3, 2])]) }
    try d.setWeightValues([Tensor.ones([3, 2]), Tensor.zeros([2])])
    #expect(d.kernel!.value.scalars == [1, 1, 1, 1, 1, 1])
    // a layer without a flag of its own cannot be frozen before it has weights
    #expect(throws: LayerError.self) { try LayerNormalization(name: "ln").setTrainable(false) }
  }
}
