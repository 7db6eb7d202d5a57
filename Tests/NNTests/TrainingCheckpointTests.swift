import Catalog
import Foundation
import Testing
@testable import NN
import Tensors

/// A fit interrupted after a checkpoint and resumed into new model, optimizer and callback
/// objects ends exactly where the uninterrupted fit ends; a damaged or foreign checkpoint is a
/// clear error.
@Suite struct TrainingCheckpointTests {
  func data() throws -> (Tensor, Tensor) {
    var r = RandomStream(seed: 11)
    let x = Tensor.randomNormal([80, 5], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([5, 3], stream: &r)).compared(.gt, Tensor(scalar: 0))
    return (x, y)
  }

  /// 5 → 12 relu → dropout → 3 sigmoid, Adam; `seed` is the model's own randomness.
  func network(seed: UInt64, hidden: Int = 12) throws -> Sequential {
    let m = Sequential(inputSize: 5, random: RandomStream(seed: seed))
    try m.add(Dense(units: hidden, activation: .relu))
    try m.add(Dropout(rate: 0.3))
    try m.add(Dense(units: 3, activation: .sigmoid))
    try m.compile(optimizer: Adam(learningRate: 0.05), loss: BinaryCrossEntropy())
    return m
  }

  /// ReduceLROnPlateau lowers the rate after every epoch but the first (nothing improves by
  /// 1), and EarlyStopping stops after the fifth epoch, keeping the first's weights: both
  /// carry state across the checkpoint after three epochs.
  func callbacks() -> [Callback] {
    [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1, minDelta: 1),
     EarlyStopping(monitor: "val_loss", minDelta: 1, patience: 4, restoreBestWeights: true)]
  }

  func options(epochs: Int, checkpoint: String? = nil, resume: String? = nil) -> FitOptions {
    var o = FitOptions()
    o.epochs = epochs; o.batchSize = 16; o.verbose = 0; o.validationSplit = 0.25; o.shuffle = true
    o.checkpoint = checkpoint.map { CheckpointPolicy(path: $0) }
    o.resume = resume.map { .file($0) }
    return o
  }

  func temporary(_ tag: String) -> String {
    NSTemporaryDirectory() + "crescent-ckpt-\(tag)-\(UInt32.random(in: 0...UInt32.max)).safetensors"
  }

  func bits(_ tensors: [Tensor]) -> [[UInt32]] { tensors.map { t in t.withUnsafeBufferPointer { $0.map(\.bitPattern) } } }

  func bits(_ h: History) -> [String: [UInt64]] { h.values.mapValues { $0.map(\.bitPattern) } }

  @Test func resumedFitEqualsTheUninterruptedOneBitForBit() throws {
    let (x, y) = try data()
    let straight = try network(seed: 7)
    let whole = try straight.fit(x: x, y: y, options: options(epochs: 6), callbacks: callbacks())
    #expect(whole.epochs == [0, 1, 2, 3, 4], "EarlyStopping should stop after the fifth epoch, ran \(whole.epochs)")
    #expect(Set(whole.values["lr"]!).count >= 4, "the rate should fall every epoch: \(whole.values["lr"]!)")

    let path = temporary("resume")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try network(seed: 7)
    try first.fit(x: x, y: y, options: options(epochs: 3, checkpoint: path), callbacks: callbacks())
    // New objects throughout, with other initial weights and dropout masks: the checkpoint decides.
    let resumed = try network(seed: 99)
    let rest = try resumed.fit(x: x, y: y, options: options(epochs: 6, resume: path), callbacks: callbacks())

    #expect(bits(resumed.weights()) == bits(straight.weights()))
    #expect(rest.epochs == whole.epochs)
    #expect(rest.keys == whole.keys)
    #expect(bits(rest) == bits(whole))
    #expect(resumed.optimizer!.steps == straight.optimizer!.steps)
    for (a, b) in zip(resumed.parameters, straight.parameters) {
      #expect(bits(resumed.optimizer!.slots(for: a)) == bits(straight.optimizer!.slots(for: b)))
    }
  }

  /// Every optimizer's state and every schedule's position carry over, with GaussianNoise's
  /// stream and a batch-level schedule: (optimizer, schedule) pairs resume bit for bit.
  @Test(arguments: 0..<4) func everyOptimizerAndScheduleResumes(_ k: Int) throws {
    let (x, y) = try data()
    func make(_ seed: UInt64) throws -> Sequential {
      let m = Sequential(inputSize: 5, random: RandomStream(seed: seed))
      try m.add(GaussianNoise(stddev: 0.2))
      try m.add(Dense(units: 8, activation: .tanh))
      try m.add(Dense(units: 3, activation: .sigmoid))
      let optimizer: Optimizer = [SGD(learningRate: 0.1, momentum: 0.9, nesterov: true), RMSprop(learningRate: 0.01, momentum: 0.5, centered: true),
                                  Adagrad(learningRate: 0.1, lrDecay: 0.01), AdamW(learningRate: 0.02)][k]
      try m.compile(optimizer: optimizer, loss: BinaryCrossEntropy())
      return m
    }
    func schedules() throws -> [Callback] {
      [[try OneCycleLR(maxLR: 0.2, total: 6 * 4)], [LambdaLR { epoch, lr in lr * (epoch.isMultiple(of: 2) ? 0.5 : 0.9) }],
       [LearningRateSchedule(.cosine(total: 24, warmup: 3, minLR: 0.001), perStep: true)],
       [LearningRateSchedule(.step(stepSize: 2, gamma: 0.5))]][k]
    }
    let straight = try make(1)
    let whole = try straight.fit(x: x, y: y, options: options(epochs: 6), callbacks: try schedules())
    let path = temporary("optimizer\(k)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try make(1).fit(x: x, y: y, options: options(epochs: 4, checkpoint: path), callbacks: try schedules())
    let resumed = try make(2)
    let rest = try resumed.fit(x: x, y: y, options: options(epochs: 6, resume: path), callbacks: try schedules())
    #expect(bits(resumed.weights()) == bits(straight.weights()))
    #expect(bits(rest) == bits(whole))
    for (a, b) in zip(resumed.parameters, straight.parameters) {
      #expect(bits(resumed.optimizer!.slots(for: a)) == bits(straight.optimizer!.slots(for: b)))
    }
  }

  /// The run's stream counters are kept, and a resumed fit moves the run's forward to them
  /// (never back, so no stream is handed out twice).
  @Test func theRunsStreamCountersCarryOver() throws {
    let (x, y) = try data()
    let path = temporary("session")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = RandomContext(rootSeed: 3)
    for _ in 0..<3 { _ = run.nextStream("tensor.randn") }
    _ = run.nextStream("nn.Sequential")
    var o = options(epochs: 1, checkpoint: path); o.randomContext = run
    try network(seed: 1).fit(x: x, y: y, options: o)
    #expect(try TrainingCheckpoint.read(path).sessionStreams == ["tensor.randn": 3, "nn.Sequential": 1])
    let again = RandomContext(rootSeed: 3)
    for _ in 0..<5 { _ = again.nextStream("nn.Sequential") }
    var r = options(epochs: 2, resume: path); r.randomContext = again
    try network(seed: 2).fit(x: x, y: y, options: r)
    #expect(again.positions == ["tensor.randn": 3, "nn.Sequential": 5])
  }

  /// Without the checkpoint's optimizer moments, random streams and callback state, carrying
  /// on from the weights alone (initial_epoch) ends elsewhere: the test above can fail.
  @Test func weightsAloneDoNotResumeExactly() throws {
    let (x, y) = try data()
    let straight = try network(seed: 7)
    try straight.fit(x: x, y: y, options: options(epochs: 6), callbacks: callbacks())
    let first = try network(seed: 7)
    try first.fit(x: x, y: y, options: options(epochs: 3), callbacks: callbacks())
    let second = try network(seed: 99)
    try second.setWeights(first.weights())
    var o = options(epochs: 6); o.initialEpoch = 3
    try second.fit(x: x, y: y, options: o, callbacks: callbacks())
    #expect(bits(second.weights()) != bits(straight.weights()))
  }

  @Test func aCheckpointEveryEpochKeepsTheLatest() throws {
    let (x, y) = try data()
    let path = temporary("every")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let m = try network(seed: 3)
    var o = options(epochs: 4); o.checkpoint = CheckpointPolicy(path: path, every: 3)
    try m.fit(x: x, y: y, options: o)
    let c = try TrainingCheckpoint.read(path)
    #expect(c.epoch == 4)
    #expect(c.historyEpochs == [0, 1, 2, 3])
    #expect(c.steps == 4 * 4)
    #expect(!FileManager.default.fileExists(atPath: DurableFile.temporaryPath(for: path)))
  }

  /// A small checkpoint cut at every length, or with any byte damaged, is refused with the
  /// file's name, never a crash.
  @Test func truncatedCheckpointsAreRefused() throws {
    let (x, y) = try data()
    let path = temporary("cut")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let m = Sequential(inputSize: 5, random: RandomStream(seed: 1))
    try m.add(Dense(units: 2, activation: .sigmoid))
    try m.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9), loss: BinaryCrossEntropy())
    try m.fit(x: x, y: try y.columns(0..<2), options: options(epochs: 2, checkpoint: path),
              callbacks: [EarlyStopping(monitor: "val_loss", patience: 5, restoreBestWeights: true)])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    _ = try TrainingCheckpoint.decode(Safetensors.parse(bytes, path: path), path: path)
    var refused = 0
    for n in 0..<bytes.count {
      do {
        _ = try TrainingCheckpoint.decode(Safetensors.parse(bytes.prefix(n), path: path), path: path)
        Issue.record("a checkpoint cut to \(n) of \(bytes.count) bytes was accepted")
      } catch let e as SafetensorsError {
        #expect(e.message.hasPrefix(path)); refused += 1
      } catch let e as LayerError {
        #expect(e.message.hasPrefix(path)); refused += 1
      }
    }
    #expect(refused == bytes.count)
    // A bit flipped anywhere (description, tensor data, padding) is refused too.
    var flipped = 0
    for i in 0..<bytes.count {
      var damaged = bytes
      damaged[i] ^= 0x10
      do {
        _ = try TrainingCheckpoint.decode(Safetensors.parse(damaged, path: path), path: path)
        Issue.record("a checkpoint with byte \(i) of \(bytes.count) flipped was accepted")
      } catch let e as SafetensorsError {
        #expect(e.message.hasPrefix(path)); flipped += 1
      } catch let e as LayerError {
        #expect(e.message.hasPrefix(path)); flipped += 1
      }
    }
    #expect(flipped == bytes.count)
    // Through the file reader too, for a few lengths.
    for n in [0, 7, 8, 100, bytes.count - 1] {
      try bytes.prefix(n).write(to: URL(fileURLWithPath: path))
      #expect(throws: LayerError.self) { try TrainingCheckpoint.read(path) }
    }
  }

  @Test func aCheckpointOfAnotherModelIsRefusedBeforeAnythingChanges() throws {
    let (x, y) = try data()
    let path = temporary("other")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try network(seed: 1).fit(x: x, y: y, options: options(epochs: 1, checkpoint: path))
    let wider = try network(seed: 2, hidden: 16)
    let before = bits(wider.weights())
    let error = #expect(throws: LayerError.self) { try wider.fit(x: x, y: y, options: options(epochs: 2, resume: path)) }
    #expect(error?.message == "\(path): weight 'dense_1/kernel' has shape 5x12 in the checkpoint, 5x16 in the model")
    #expect(bits(wider.weights()) == before)

    let plain = Sequential(inputSize: 5, random: RandomStream(seed: 1))
    try plain.add(Dense(units: 3, activation: .sigmoid))
    try plain.compile(optimizer: Adam(learningRate: 0.05), loss: BinaryCrossEntropy())
    let layers = #expect(throws: LayerError.self) { try plain.fit(x: x, y: y, options: options(epochs: 2, resume: path)) }
    #expect(layers?.message.contains("the checkpoint's model has 3 layers (dense_1, dropout_1, dense_2), this one 1 (dense_1)") == true)

    let sgd = try network(seed: 1)
    try sgd.compile(optimizer: SGD(learningRate: 0.05), loss: BinaryCrossEntropy())
    let optimizer = #expect(throws: LayerError.self) { try sgd.fit(x: x, y: y, options: options(epochs: 2, resume: path)) }
    #expect(optimizer?.message == "\(path): the checkpoint's optimizer is Adam, the model is compiled with SGD")

    let fewer = #expect(throws: LayerError.self) {
      try network(seed: 1).fit(x: try x.rows(0..<60), y: try y.rows(0..<60), options: options(epochs: 2, resume: path))
    }
    #expect(fewer?.message == "\(path): the checkpoint was taken with 80 samples, this fit has 60")

    let other = #expect(throws: LayerError.self) {
      try network(seed: 1).fit(x: try x * Tensor(scalar: 2), y: y, options: options(epochs: 2, resume: path))
    }
    #expect(other?.message == "\(path): the checkpoint was taken on other data (the same sizes, other values, weights or validation data)")
  }

  /// In a recorded run, each fit's checkpoint is named after its series, so two fits never
  /// share a file (nor resume from each other's).
  @Test func eachFitOfARecordedRunHasItsOwnCheckpoint() throws {
    let (x, y) = try data()
    let folder = NSTemporaryDirectory() + "crescent-ckpt-folder-\(UInt32.random(in: 0...UInt32.max))"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var o = options(epochs: 1)
    o.runLog = RunLog { _, _, _ in }
    o.checkpoint = CheckpointPolicy(folder: folder)
    o.resume = .checkpointIfPresent
    try network(seed: 1).fit(x: x, y: y, options: o)
    try network(seed: 2).fit(x: x, y: y, options: o)
    var fold = o; fold.logPrefix = "fold3/"
    try network(seed: 3).fit(x: x, y: y, options: fold)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["checkpoint.safetensors", "fit2.safetensors", "fold3.safetensors"])
  }

  @Test func aModelFileIsNotACheckpoint() throws {
    let path = temporary("model")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.save(try network(seed: 1), metrics: [], to: path)
    let error = #expect(throws: LayerError.self) { try TrainingCheckpoint.read(path) }
    #expect(error?.message.hasPrefix("\(path): not a training checkpoint") == true)
  }

  @Test func streamPositionsRoundTrip() {
    var r = RandomStream(seed: 5)
    _ = r.normal()  // leaves a spare deviate waiting
    let copy = RandomStream(positionText: r.positionText)!
    var a = r, b = copy
    #expect((0..<5).map { _ in a.normal().bitPattern } == (0..<5).map { _ in b.normal().bitPattern })
    #expect(RandomStream(positionText: "0:0:0:0") == nil)
    #expect(RandomStream(positionText: "1:2:3") == nil)
    #expect(RandomStream(positionText: "1:2:3:zz") == nil)
  }

  /// A CSVLogger of a resumed fit keeps the rows up to the checkpoint and drops those written
  /// after it (by the interrupted run), so the file reads as the uninterrupted run's.
  @Test func csvLoggerResumesAtTheCheckpointsRow() throws {
    let (x, y) = try data()
    let path = temporary("csv"), csv = temporary("log") + ".csv", full = temporary("full") + ".csv"
    defer { for p in [path, csv, full] { try? FileManager.default.removeItem(atPath: p) } }
    try network(seed: 4).fit(x: x, y: y, options: options(epochs: 4), callbacks: [CSVLogger(path: full)])
    let first = try network(seed: 4)
    try first.fit(x: x, y: y, options: options(epochs: 2, checkpoint: path), callbacks: [CSVLogger(path: csv)])
    // The interrupted run went on to write a third row after the checkpoint.
    try first.fit(x: x, y: y, options: options(epochs: 1), callbacks: [CSVLogger(path: csv, append: true)])
    try network(seed: 8).fit(x: x, y: y, options: options(epochs: 4, resume: path), callbacks: [CSVLogger(path: csv)])
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == String(contentsOfFile: full, encoding: .utf8))
  }
}
