import Testing
@testable import NN
import Tensors

/// EarlyStopping and ReduceLROnPlateau driven by given per-epoch values, against sequences
/// worked by hand from Keras's rules.
@Suite struct KerasCallbackTests {
  func model(lr: Double = 1) throws -> Sequential {
    let m = Sequential(inputSize: 1, random: RandomStream(seed: 1))
    try m.add(Dense(units: 1))
    try m.compile(optimizer: SGD(learningRate: lr), loss: MeanSquaredError())
    return m
  }

  /// Runs the callback over the values as fit would; returns the epochs run and the logs.
  func drive(_ c: Callback, _ values: [Double], key: String = "loss", model m: Sequential? = nil) throws -> (epochs: Int, logs: [Logs]) {
    let m = try m ?? model()
    m.stopTraining = false
    try c.onTrainBegin(m)
    var all: [Logs] = []
    for (epoch, v) in values.enumerated() {
      try c.onEpochBegin(epoch, model: m)
      var logs = Logs()
      logs[key] = v
      if c.addedLogKeys.contains("lr") { logs["lr"] = m.optimizer!.learningRate }  // as fit does
      try c.onEpochEnd(epoch, logs: &logs, model: m)
      all.append(logs)
      if m.stopTraining { return (epoch + 1, all) }
    }
    return (values.count, all)
  }

  @Test func earlyStoppingWithAConstantLossRunsPatiencePlusOneEpochs() throws {
    // Keras: epoch 0 improves on nothing (wait 0); epochs 1 and 2 raise wait to 1 and 2 = patience.
    let r = try drive(EarlyStopping(monitor: "loss", patience: 2), Array(repeating: 1, count: 10))
    #expect(r.epochs == 3)
    #expect(try drive(EarlyStopping(monitor: "loss", patience: 0), Array(repeating: 1, count: 10)).epochs == 2)
    #expect(try drive(EarlyStopping(monitor: "loss", patience: 5), Array(repeating: 1, count: 10)).epochs == 6)
  }

  @Test func earlyStoppingResetsTheWaitOnImprovement() throws {
    let stop = EarlyStopping(monitor: "loss", patience: 2)
    // wait: 0, 0, 1, 0, 1, 2 -> stops after the sixth epoch.
    let r = try drive(stop, [1.0, 0.9, 0.95, 0.85, 0.9, 0.9, 0.9, 0.9])
    #expect(r.epochs == 6)
    #expect(stop.bestEpoch == 3 && stop.best == 0.85 && stop.stoppedEpoch == 5)
  }

  @Test func earlyStoppingMinDeltaAndMode() throws {
    // An improvement must beat the best by more than 0.1: 0.95 does not, 0.89 does, then 0.85 and 0.8 do not.
    #expect(try drive(EarlyStopping(monitor: "loss", minDelta: 0.1, patience: 2), [1.0, 0.95, 0.89, 0.85, 0.8, 0.7]).epochs == 5)
    // Accuracy-like names improve upwards.
    let acc = EarlyStopping(monitor: "val_binary_accuracy", patience: 1)
    #expect(try drive(acc, [0.5, 0.6, 0.7, 0.65, 0.9], key: "val_binary_accuracy").epochs == 4)
    #expect(acc.best == 0.7)
  }

  @Test func earlyStoppingBaseline() throws {
    // Improvements that do not beat the baseline do not reset the wait: wait 1, then 2 at epoch 1.
    #expect(try drive(EarlyStopping(monitor: "loss", patience: 2, baseline: 0.5), [1.0, 1.0, 1.0, 1.0]).epochs == 2)
    // Beating the baseline resets it as usual.
    #expect(try drive(EarlyStopping(monitor: "loss", patience: 2, baseline: 0.5), [0.4, 0.4, 0.4, 0.4]).epochs == 3)
  }

  @Test func earlyStoppingStartFromEpoch() throws {
    #expect(try drive(EarlyStopping(monitor: "loss", patience: 1, startFromEpoch: 3), Array(repeating: 1, count: 10)).epochs == 5)
  }

  @Test func reduceLROnPlateauFollowsKeras() throws {
    let m = try model(lr: 1)
    let cb = ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLR: 0.2)
    let r = try drive(cb, Array(repeating: 1, count: 10), model: m)
    // Each epoch logs the rate it trained with; reductions at the ends of epochs 2, 4 and 6
    // (patience 2, then a cooldown epoch that resets the wait), the last one clipped to min_lr.
    #expect(r.logs.map { $0["lr"]! } == [1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2])
    #expect(m.optimizer!.learningRate == 0.2)
  }

  @Test func reduceLROnPlateauIgnoresALeadingNaN() throws {
    let m = try model(lr: 1)
    // NaN is no improvement (Keras compares it with +inf): wait 1, then 1.0 improves, then two flat epochs.
    let r = try drive(ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 2, minDelta: 0), [.nan, 1, 1, 1, 1], model: m)
    #expect(r.logs.map { $0["lr"]! } == [1, 1, 1, 1, 0.5])
  }
}
