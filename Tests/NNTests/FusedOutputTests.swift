import Testing
@testable import NN
import Tensors

/// An output layer ending in sigmoid (softmax) trains on the loss taken from its logits,
/// whether the activation sits in the Dense layer or in an Activation layer after it:
/// PyTorch's BCEWithLogitsLoss and CrossEntropyLoss are the oracles.
@Suite struct FusedOutputTests {
  /// One input of 1 and a linear Dense layer whose kernel is `logits`, so the model's logits
  /// are exactly `logits`; then `tail` (an Activation layer) if given.
  func model(logits: [Float], activation: Activation, separate: Bool, loss: Loss) throws -> Sequential {
    let m = Sequential(inputSize: 1, random: RandomStream(seed: 1))
    try m.add(Dense(units: logits.count, activation: separate ? .linear : activation))
    if separate { try m.add(ActivationLayer(activation)) }
    try m.build()
    try m.setWeights([Tensor(shape: [1, logits.count], scalars: logits), .zeros([logits.count])])
    try m.compile(optimizer: SGD(learningRate: 0.1), loss: loss)
    return m
  }

  @Test(arguments: [false, true])
  func sigmoidOutputConfidentlyWrong(separate: Bool) throws {
    // Logit 20, target 0: BCEWithLogitsLoss = 20 + log(1 + e^-20), d/dlogit = sigmoid(20) ≈ 1.
    let m = try model(logits: [20], activation: .sigmoid, separate: separate, loss: BinaryCrossEntropy())
    let x = Tensor(shape: [1, 1], scalars: [1]), y = Tensor(shape: [1, 1], scalars: [0])
    let r = try m.gradients(x: x, y: y)
    #expect(abs(r.loss - 20.000000002) < 1e-6, "loss \(r.loss)")
    // d loss / d kernel = d loss / d logit · x = sigmoid(20).
    #expect(abs(r.gradients[0].scalars[0] - 1) < 1e-6, "gradient \(r.gradients[0].scalars)")
    #expect(abs(try m.evaluate(x: x, y: y)["loss"]! - 20) < 1e-6)
    // Predictions stay probabilities.
    #expect(abs(try m.predict(x).scalars[0] - 1) < 1e-6)
  }

  @Test(arguments: [false, true])
  func softmaxOutputConfidentlyWrong(separate: Bool) throws {
    // Logits (20, 0), class 2: CrossEntropyLoss = log(1 + e^20) ≈ 20, d/dlogits = softmax − t ≈ (1, −1).
    let m = try model(logits: [20, 0], activation: .softmax, separate: separate, loss: CategoricalCrossEntropy())
    let x = Tensor(shape: [1, 1], scalars: [1]), y = Tensor(shape: [1, 2], scalars: [0, 1])
    let r = try m.gradients(x: x, y: y)
    #expect(abs(r.loss - 20.000000002) < 1e-6, "loss \(r.loss)")
    #expect(abs(r.gradients[0].scalars[0] - 1) < 1e-6 && abs(r.gradients[0].scalars[1] + 1) < 1e-6, "gradient \(r.gradients[0].scalars)")
    let p = try m.predict(x).scalars
    #expect(abs(p[0] - 1) < 1e-6 && p[1] < 1e-8)
  }

  @Test func separateActivationTrainsAsTheDenseActivation() throws {
    // The same training run, with the sigmoid inside Dense or as its own layer: same weights.
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([32, 3], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([3, 2], stream: &r)).compared(.gt, Tensor(scalar: 0))
    func run(_ separate: Bool) throws -> [Tensor] {
      let m = Sequential(inputSize: 3, random: RandomStream(seed: 9))
      try m.add(Dense(units: 2, activation: separate ? .linear : .sigmoid, name: "out"))
      if separate { try m.add(ActivationLayer(.sigmoid)) }
      try m.compile(optimizer: Adam(learningRate: 0.05), loss: BinaryCrossEntropy(), metrics: ["roc_auc_micro"])
      var o = FitOptions(); o.epochs = 3; o.verbose = 0; o.batchSize = 8
      let h = try m.fit(x: x, y: y, options: o)
      #expect(h.values["roc_auc_micro"]?.count == 3)
      return m.weights()
    }
    for (a, b) in zip(try run(false), try run(true)) { #expect(a.scalars == b.scalars) }
  }

  @Test func compileDecidesTheHeadOnce() throws {
    func head(_ layers: [Layer], _ loss: Loss) throws -> OutputHead {
      let m = Sequential(inputSize: 3, random: RandomStream(seed: 1))
      for l in layers { try m.add(l) }
      try m.compile(optimizer: SGD(), loss: loss)
      return try #require(m.head)
    }
    let out = Dense(units: 2, activation: .sigmoid)
    let fused = try head([Dense(units: 4), out], BinaryCrossEntropy())
    #expect(fused.fusedLayer === out && fused.lossReadsLogits)
    #expect(fused.fusedActivation?.activation == .sigmoid)
    let softmax = ActivationLayer(.softmax)
    let separate = try head([Dense(units: 3), softmax], CategoricalCrossEntropy())
    #expect(separate.fusedLayer === softmax && separate.lossReadsLogits)
    // from_logits: the outputs already are logits, nothing to fuse.
    let logits = try head([Dense(units: 2)], BinaryCrossEntropy(fromLogits: true))
    #expect(logits.fusedLayer == nil && logits.lossReadsLogits)
    // An activation the loss does not absorb, and a loss that absorbs none.
    let other = try head([Dense(units: 2, activation: .softmax)], BinaryCrossEntropy())
    #expect(other.fusedLayer == nil && !other.lossReadsLogits)
    let mse = try head([Dense(units: 2, activation: .sigmoid)], MeanSquaredError())
    #expect(mse.fusedLayer == nil && !mse.lossReadsLogits)
  }

  /// Evaluates another model from inside a fit.
  final class EvaluateOther: Callback {
    let other: Sequential, x: Tensor, y: Tensor
    var seen: [Double] = []
    init(_ other: Sequential, _ x: Tensor, _ y: Tensor) { self.other = other; self.x = x; self.y = y }
    func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws { seen.append(try other.evaluate(x: x, y: y)["loss"]!) }
    func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws { seen.append(try other.evaluate(x: x, y: y)["loss"]!) }
  }

  @Test func oneLossObjectServesAFusedAndAPlainModel() throws {
    // The same loss object compiled into a model that fuses its sigmoid and one that does not
    // (softmax outputs, read as probabilities): evaluating the second in the middle of the
    // first's fit gives the value it has on its own.
    let loss = BinaryCrossEntropy()
    var r = RandomStream(seed: 4)
    let x = Tensor.randomNormal([8, 3], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([3, 2], stream: &r)).compared(.gt, Tensor(scalar: 0))
    let fused = Sequential(inputSize: 3, random: RandomStream(seed: 5))
    try fused.add(Dense(units: 2, activation: .sigmoid))
    try fused.compile(optimizer: SGD(learningRate: 0.1), loss: loss)
    let plain = Sequential(inputSize: 3, random: RandomStream(seed: 6))
    try plain.add(Dense(units: 2, activation: .softmax))
    try plain.compile(optimizer: SGD(learningRate: 0.1), loss: loss)
    #expect(fused.fusedOutput && !plain.fusedOutput)
    let alone = try plain.evaluate(x: x, y: y)["loss"]!
    let probe = EvaluateOther(plain, x, y)
    var o = FitOptions(); o.epochs = 2; o.verbose = 0; o.batchSize = 4
    try fused.fit(x: x, y: y, options: o, callbacks: [probe])
    #expect(probe.seen.count == 6)
    for v in probe.seen { #expect(v == alone) }
  }
}
