import Foundation
import Testing
@testable import NN
import Tensors

/// Callbacks against hand-computed expectations on small training runs.
@Suite struct CallbackTests {
  func model(_ lr: Double = 0.1) throws -> (Sequential, Tensor, Tensor) { try SmallTrainingRun.model(lr) }
  func options(_ epochs: Int) -> FitOptions { SmallTrainingRun.options(epochs) }

  @Test func scheduleRates() {
    let step = LearningRateSchedule(.step(stepSize: 3, gamma: 0.5))
    #expect((0..<7).map { step.rate(at: $0, base: 1) } == [1, 1, 1, 0.5, 0.5, 0.5, 0.25])
    let cosine = LearningRateSchedule(.cosine(total: 10, warmup: 2, minLR: 0))
    #expect(abs(cosine.rate(at: 0, base: 1) - 1.0 / 3) < 1e-12)
    #expect(abs(cosine.rate(at: 2, base: 1) - 1) < 1e-12)
    #expect(abs(cosine.rate(at: 6, base: 1) - 0.5) < 1e-12)
    #expect(abs(cosine.rate(at: 10, base: 1)) < 1e-12)
    #expect(abs(LearningRateSchedule(.exponential(gamma: 0.9)).rate(at: 2, base: 2) - 1.62) < 1e-12)
  }

  @Test func scheduleDrivesTheOptimizer() throws {
    let (m, x, y) = try model(0.2)
    let h = try m.fit(x: x, y: y, options: options(4), callbacks: [LearningRateSchedule(.step(stepSize: 2, gamma: 0.1))])
    let lr = h.values["lr"]!
    #expect(abs(lr[0] - 0.2) < 1e-12 && abs(lr[1] - 0.2) < 1e-12 && abs(lr[2] - 0.02) < 1e-12 && abs(lr[3] - 0.02) < 1e-12)
  }

  @Test func earlyStoppingStopsAndRestoresTheBestWeights() throws {
    let (m, x, y) = try model(5)  // a rate high enough that validation loss soon stops improving
    let stop = EarlyStopping(monitor: "val_loss", patience: 1, restoreBestWeights: true)
    var snapshots: [[Tensor]] = []
    final class Recorder: Callback {
      let record: ([Tensor]) -> Void
      init(_ r: @escaping ([Tensor]) -> Void) { record = r }
      func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws { record(model.weights()) }
    }
    let h = try m.fit(x: x, y: y, options: options(40), callbacks: [Recorder { snapshots.append($0) }, stop])
    let losses = h.values["val_loss"]!
    #expect(losses.count < 40, "training did not stop early")
    let bestEpoch = try #require(stop.bestEpoch)
    #expect(losses[bestEpoch] == losses.min())
    for (a, b) in zip(m.weights(), snapshots[bestEpoch]) { #expect(a.scalars == b.scalars) }
  }

  @Test func reduceLROnPlateauLowersTheRate() throws {
    let (m, x, y) = try model(5)
    let h = try m.fit(x: x, y: y, options: options(20), callbacks: [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1)])
    let lr = h.values["lr"]!
    #expect(lr.last! < 5)
    #expect(zip(lr, lr.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 * 0.5 })
  }

  @Test func checkpointSavesOnlyImprovements() throws {
    let (m, x, y) = try model(5)
    var files: [String] = []
    let ck = try ModelCheckpoint(path: "m-{epoch}", monitor: "val_loss", saveBestOnly: true) { _, path in files.append(path) }
    let h = try m.fit(x: x, y: y, options: options(10), callbacks: [ck])
    let losses = h.values["val_loss"]!
    var best = Double.infinity, expected: [String] = []
    for (e, l) in losses.enumerated() where l < best { best = l; expected.append("m-\(e + 1)") }
    #expect(files == expected)
  }

  @Test func csvLoggerWritesARowPerEpoch() throws {
    let (m, x, y) = try model()
    let path = NSTemporaryDirectory() + "crescent-log-\(UInt32.random(in: 0...UInt32.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try m.fit(x: x, y: y, options: options(3), callbacks: [CSVLogger(path: path)])
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "epoch,loss,val_loss")
    #expect(lines.count == 4)
    #expect(lines[3].hasPrefix("3,"))
  }

  @Test func optimizerStateFollowsTheTensors() {
    let opt = Adam(learningRate: 0.1)
    let t = Tensor.ones([3])
    for _ in 0..<2 {
      let w = Weight(name: "w", value: t)  // a fresh wrapper each time, as opt:step(params, grads) makes
      w.grad = Tensor.ones([3])
      opt.step([w])
    }
    #expect(opt.slots(for: Weight(name: "w", value: t)).count == 2)
    // Two Adam steps with a constant gradient move each value by 2·lr (bias-corrected).
    #expect(t.scalars.allSatisfy { abs($0 - 0.8) < 1e-5 })
  }
}

/// The training loop reuses its workspaces: after the first step, a step allocates no tensor.
@Suite struct AllocationTests {
  @Test func trainingStepsAllocateNothingAfterTheFirst() throws {
    var r = RandomStream(seed: 2)
    let x = Tensor.randomNormal([32, 103], stream: &r)
    let y = try Tensor.randomUniform([32, 14], stream: &r).compared(.lt, Tensor(scalar: 0.3))
    let m = Sequential(inputSize: 103, random: RandomStream(seed: 1))
    try m.add(Dense(units: 256, activation: .relu))
    try m.add(Dropout(rate: 0.1))
    try m.add(BatchNormalization())
    try m.add(Dense(units: 14, activation: .sigmoid))
    try m.compile(optimizer: Adam(), loss: BinaryCrossEntropy())
    for _ in 0..<2 { try m.trainOnBatch(x: x, y: y) }
    let counter = AllocationCounter()
    try TensorStorage.$counter.withValue(counter) {
      for _ in 0..<10 { try m.trainOnBatch(x: x, y: y) }
    }
    #expect(counter.count == 0, "\(counter.count) tensors allocated in 10 steps")
  }
}
