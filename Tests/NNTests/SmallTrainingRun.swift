import Testing
@testable import NN
import Tensors

/// The small seeded training run the callback suites share: 64 rows of 4 features, 2 labels,
/// a 4 → 6 tanh → 2 sigmoid network trained with SGD and BCE.
enum SmallTrainingRun {
  static func model(_ lr: Double = 0.1) throws -> (Sequential, Tensor, Tensor) {
    var r = RandomStream(seed: 4)
    let x = Tensor.randomNormal([64, 4], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([4, 2], stream: &r)).compared(.gt, Tensor(scalar: 0))
    let m = Sequential(inputSize: 4, random: RandomStream(seed: 1))
    try m.add(Dense(units: 6, activation: .tanh))
    try m.add(Dense(units: 2, activation: .sigmoid))
    try m.compile(optimizer: SGD(learningRate: lr), loss: BinaryCrossEntropy())
    return (m, x, y)
  }

  /// Quiet fits of `epochs` in batches of 16, holding out a quarter for validation when asked.
  static func options(_ epochs: Int, validation: Bool = true) -> FitOptions {
    var o = FitOptions(); o.epochs = epochs; o.verbose = 0; o.batchSize = 16; o.validationSplit = validation ? 0.25 : 0
    return o
  }
}
