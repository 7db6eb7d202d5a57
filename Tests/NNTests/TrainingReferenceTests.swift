import Testing
@testable import NN
import Tensors

/// The `training` case: 20 full-batch Adam steps reproduce PyTorch's losses and final
/// weights within 1e-4.
@Suite struct TrainingReferenceTests {
  func model(fused: Bool) throws -> Sequential {
    let m = Sequential(inputSize: 6, random: RandomStream(seed: 1))
    try m.add(Dense(units: 16, activation: .relu))
    try m.add(Dense(units: 3, activation: fused ? .sigmoid : .linear))
    let w = ["W1", "b1", "W2", "b2"].map { Reference.tensor(Reference.section("training", "init", $0)) }
    try m.setWeights(w)
    try m.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy(fromLogits: !fused))
    return m
  }

  @Test(arguments: [false, true])
  func twentyAdamStepsMatchPyTorch(fused: Bool) throws {
    let m = try model(fused: fused)
    #expect(m.fusedOutput == fused)
    let x = Reference.tensor(Reference.section("training", "x"))
    let y = Reference.tensor(Reference.section("training", "y"))
    let losses = Reference.section("training", "loss_before_each_step") as! [Double]
    var options = FitOptions()
    options.batchSize = x.shape[0]
    options.epochs = 20
    options.shuffle = false
    options.verbose = 0
    let history = try m.fit(x: x, y: y, options: options)
    let got = history.values["loss"]!
    for (k, (a, b)) in zip(got, losses).enumerated() {
      #expect(abs(a - b) <= 1e-4 * abs(b), "step \(k + 1): loss \(a) vs \(b)")
    }
    let final = ["W1", "b1", "W2", "b2"].map { Reference.tensor(Reference.section("training", "final", $0)) }
    for (k, (a, b)) in zip(m.weights(), final).enumerated() {
      let err = zip(a.scalars, b.scalars).map { abs($0 - $1) }.max()!
      #expect(err <= 1e-4, "weight \(k + 1) off by \(err)")
    }
  }
}
