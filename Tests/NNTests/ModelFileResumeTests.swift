import Catalog
import Foundation
import TestSupport
import Testing
@testable import NN
import Tensors

/// A model file means the same whenever it is written, and a model loaded from it trains on as
/// the saved one would have.
@Suite struct ModelFileResumeTests {
  func data() throws -> (Tensor, Tensor) {
    var r = RandomStream(seed: 4)
    let x = Tensor.randomNormal([48, 4], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([4, 2], stream: &r)).compared(.gt, Tensor(scalar: 0))
    return (x, y)
  }

  func network(_ optimizer: Optimizer) throws -> Sequential {
    let m = Sequential(inputSize: 4, random: RandomStream(seed: 1))
    try m.add(Dense(units: 6, activation: .tanh))
    try m.add(Dense(units: 2, activation: .sigmoid))
    try m.compile(optimizer: optimizer, loss: BinaryCrossEntropy())
    return m
  }

  func options(epochs: Int, initial: Int = 0) -> FitOptions {
    var o = FitOptions(); o.epochs = epochs; o.initialEpoch = initial; o.verbose = 0; o.batchSize = 16; o.shuffle = false
    return o
  }

  func temporary(_ tag: String) -> String {
    NSTemporaryDirectory() + "crescent-\(tag)-\(UInt32.random(in: 0...UInt32.max)).safetensors"
  }

  func metadata(_ path: String) throws -> String { try Safetensors.read(path).metadata[ModelFile.formatKey]! }

  /// Saves the model when an epoch ends, as ModelCheckpoint or a script's callback does.
  final class SaveAtEpochEnd: Callback {
    let model: Model, path: String, epoch: Int
    init(_ model: Model, _ path: String, epoch: Int) { self.model = model; self.path = path; self.epoch = epoch }
    func onEpochEnd(_ e: Int, logs: inout Logs, model _: Sequential) throws {
      if e == epoch { try ModelFile.save(model, to: path) }
    }
  }

  @Test func savedDuringFitMeansWhatSavedAfterMeans() throws {
    let (x, y) = try data()
    let net = try network(SGD(learningRate: 0.5))
    let model = Model(net)
    let inside = temporary("inside"), outside = temporary("outside")
    defer { for p in [inside, outside] { try? FileManager.default.removeItem(atPath: p) } }
    try net.fit(x: x, y: y, options: options(epochs: 3), callbacks: [SaveAtEpochEnd(model, inside, epoch: 2)])
    try ModelFile.save(model, to: outside)
    #expect(try metadata(inside) == metadata(outside))
    #expect(try metadata(inside).contains("\"from_logits\":false"))
    let live = try net.evaluate(x: x, y: y)["loss"]!
    let reloaded = try ModelFile.load(inside, in: try nnSession()).network.evaluate(x: x, y: y)["loss"]!
    #expect(reloaded == live, "reloaded checkpoint evaluates to \(reloaded), the live model to \(live)")
  }

  static let schedules: [(String, @Sendable () -> LearningRateSchedule)] = [
    ("StepLR", { LearningRateSchedule(.step(stepSize: 2, gamma: 0.5)) }),
    ("ExponentialLR", { LearningRateSchedule(.exponential(gamma: 0.7)) }),
    ("CosineLR", { LearningRateSchedule(.cosine(total: 4, warmup: 1, minLR: 0.001)) }),
    ("CosineLR per step", { LearningRateSchedule(.cosine(total: 12, warmup: 2, minLR: 0), perStep: true) }),
  ]
  static let optimizers: [(String, @Sendable () -> Optimizer)] = [
    ("SGD", { SGD(learningRate: 0.1) }), ("Adam", { Adam(learningRate: 0.01) }),
  ]

  @Test(arguments: schedules.map(\.0), optimizers.map(\.0))
  func resumedScheduleContinuesAsOneRun(_ schedule: String, _ optimizer: String) throws {
    let makeSchedule = Self.schedules.first { $0.0 == schedule }!.1
    let makeOptimizer = Self.optimizers.first { $0.0 == optimizer }!.1
    let (x, y) = try data()
    // Four epochs straight.
    let straight = try network(makeOptimizer())
    let all = try straight.fit(x: x, y: y, options: options(epochs: 4), callbacks: [makeSchedule()])
    // Three epochs, saved, loaded, and the fourth with the same schedule.
    let first = try network(makeOptimizer())
    try first.fit(x: x, y: y, options: options(epochs: 3), callbacks: [makeSchedule()])
    let path = temporary("resume")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(first), to: path)
    let resumed = try ModelFile.load(path, in: try nnSession()).network
    #expect(resumed.optimizer?.initialLearningRate == first.optimizer?.initialLearningRate)
    let last = try resumed.fit(x: x, y: y, options: options(epochs: 4, initial: 3), callbacks: [makeSchedule()])
    #expect(last.values["lr"] == [all.values["lr"]![3]], "epoch 4 trained at \(last.values["lr"]!), straight at \(all.values["lr"]![3])")
    for (a, b) in zip(resumed.weights(), straight.weights()) { #expect(a.scalars == b.scalars) }
  }

  @Test func stepLRResumesAtTheUndecayedRate() throws {
    // SGD 0.1, StepLR{step_size = 2, gamma = 0.5}: epochs 1-2 at 0.1, 3-4 at 0.05 (PyTorch:
    // base · gamma^floor(e / step_size) for epoch e from 0).
    let (x, y) = try data()
    let net = try network(SGD(learningRate: 0.1))
    try net.fit(x: x, y: y, options: options(epochs: 3), callbacks: [LearningRateSchedule(.step(stepSize: 2, gamma: 0.5))])
    let path = temporary("steplr")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let loaded = try ModelFile.load(path, in: try nnSession()).network
    #expect(loaded.optimizer?.initialLearningRate == 0.1)
    #expect(loaded.optimizer?.learningRate == 0.05)
    #expect(loaded.optimizer?.steps == 9)
    let h = try loaded.fit(x: x, y: y, options: options(epochs: 4, initial: 3), callbacks: [LearningRateSchedule(.step(stepSize: 2, gamma: 0.5))])
    #expect(h.values["lr"] == [0.05])
  }
}

extension ModelFileResumeTests {
  @Test func optimizerStateRoundTrips() throws {
    let (x, y) = try data()
    let net = try network(Adam(learningRate: 0.01))
    try net.fit(x: x, y: y, options: options(epochs: 2))
    let path = temporary("adam-state")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(net), to: path)
    let names = try Safetensors.read(path).tensors.map(\.name)
    #expect(names.contains("optimizer/dense_1/kernel/exp_avg") && names.contains("optimizer/dense_2/bias/exp_avg_sq"))
    let back = try ModelFile.load(path, in: try nnSession()).network
    let adam = try #require(back.optimizer as? Adam)
    #expect(adam.steps == net.optimizer!.steps)
    for (a, b) in zip(back.parameters, net.parameters) {
      #expect(adam.slots(for: a).map(\.scalars) == net.optimizer!.slots(for: b).map(\.scalars))
    }
  }
}

extension ModelFileResumeTests {
  @Test func oneCycleResumesWhereTheCycleStopped() throws {
    // 48 samples in batches of 16: 3 steps an epoch, a 12-step cycle over 4 epochs.
    let cycle = { try OneCycleLR(maxLR: 0.5, total: 12, pctStart: 0.25) }
    let (x, y) = try data()
    let straight = try network(SGD(learningRate: 0.1))
    let all = try straight.fit(x: x, y: y, options: options(epochs: 4), callbacks: [cycle()])
    let first = try network(SGD(learningRate: 0.1))
    try first.fit(x: x, y: y, options: options(epochs: 3), callbacks: [cycle()])
    let path = temporary("onecycle")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(Model(first), to: path)
    let resumed = try ModelFile.load(path, in: try nnSession()).network
    let last = try resumed.fit(x: x, y: y, options: options(epochs: 4, initial: 3), callbacks: [cycle()])
    #expect(last.values["lr"] == [all.values["lr"]![3]])
    for (a, b) in zip(resumed.weights(), straight.weights()) { #expect(a.scalars == b.scalars) }
  }

  @Test func oneCycleShorterThanTheFitIsRefusedBeforeTraining() throws {
    let (x, y) = try data()
    let net = try network(SGD(learningRate: 0.1))
    let error = #expect(throws: LayerError.self) {
      try net.fit(x: x, y: y, options: options(epochs: 5), callbacks: [try OneCycleLR(maxLR: 0.5, total: 12)])
    }
    #expect(error?.message == "OneCycleLR: total = 12 steps is less than the 15 this fit reaches (5 epochs x 3 batches)")
    #expect(net.optimizer?.steps == 0)
  }
}
