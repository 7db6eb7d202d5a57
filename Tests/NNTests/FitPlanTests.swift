import Foundation
import Testing
@testable import NN
import Tensors

/// What fit tells callbacks before training (its plan), and the logs and history around it.
@Suite struct FitPlanTests {
  func model(_ lr: Double = 0.1) throws -> (Sequential, Tensor, Tensor) { try SmallTrainingRun.model(lr) }
  func options(_ epochs: Int, validation: Bool = true) -> FitOptions { SmallTrainingRun.options(epochs, validation: validation) }

  /// Adds a name of its own to the logs at every epoch's end, as a script's on_epoch_end hook may.
  final class AddsCustom: Callback {
    var addsUnknownLogKeys: Bool { true }
    func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws { logs["custom"] = Double(epoch) * 0.5 }
  }

  /// Stops training before the first epoch.
  final class StopsAtOnce: Callback {
    func onTrainBegin(_ model: Sequential) throws { model.stopTraining = true }
  }

  @Test func aNameAHookAddsIsCheckedAtTheEpochsEnd() throws {
    let (m, x, y) = try model()
    var files: [String] = []
    let ck = try ModelCheckpoint(path: "m-{epoch}-{custom:.1f}") { _, p in files.append(p) }
    try m.fit(x: x, y: y, options: options(3), callbacks: [AddsCustom(), ck])
    #expect(files == ["m-1-0.0", "m-2-0.5", "m-3-1.0"])
    // ... and is a column of the CSV log written after it.
    let (mc, _, _) = try model()
    let csv = NSTemporaryDirectory() + "crescent-custom-\(UInt32.random(in: 0...UInt32.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    try mc.fit(x: x, y: y, options: options(2), callbacks: [AddsCustom(), CSVLogger(path: csv)])
    #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").first == "epoch,loss,val_loss,custom")
    // Without a callback that may add names, the unknown name is refused before training.
    let (m2, _, _) = try model()
    let ck2 = try ModelCheckpoint(path: "m-{custom}") { _, _ in }
    #expect(throws: LayerError.self) { try m2.fit(x: x, y: y, options: options(3), callbacks: [ck2]) }
    #expect(m2.optimizer!.steps == 0)
    // A name no callback added is a clear error at the epoch's end.
    let ck3 = try ModelCheckpoint(path: "m-{other}") { _, _ in }
    let error = #expect(throws: LayerError.self) { try m2.fit(x: x, y: y, options: options(3), callbacks: [AddsCustom(), ck3]) }
    #expect(error?.message.contains("{other} is not in this epoch's logs") == true)
  }

  @Test func theRateIsInTheLogsWhateverTheCallbackOrder() throws {
    let (m, x, y) = try model(0.2)
    var files: [String] = []
    let ck = try ModelCheckpoint(path: "m-{epoch}-{lr:.3f}") { _, p in files.append(p) }
    let h = try m.fit(x: x, y: y, options: options(3), callbacks: [ck, LearningRateSchedule(.step(stepSize: 2, gamma: 0.5))])
    #expect(files == ["m-1-0.200", "m-2-0.200", "m-3-0.100"])
    #expect(h.values["lr"] == [0.2, 0.2, 0.1])
    // ReduceLROnPlateau first: the checkpoint still sees the rate the epoch trained with.
    let (m2, _, _) = try model(0.2)
    files = []
    let ck2 = try ModelCheckpoint(path: "m-{epoch}-{lr:.3f}") { _, p in files.append(p) }
    let h2 = try m2.fit(x: x, y: y, options: options(3, validation: false),
                        callbacks: [ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 0, minDelta: 10), ck2])
    #expect(h2.values["lr"] == [0.2, 0.2, 0.1])  // the first epoch improves; the second cuts the rate for the third
    #expect(files == ["m-1-0.200", "m-2-0.200", "m-3-0.100"])
  }

  @Test func aMonitorThatCannotAppearIsRefusedBeforeTraining() throws {
    let (m, x, y) = try model()
    let noValidation = options(3, validation: false)
    let callbacks: [(String, Callback)] = [
      ("EarlyStopping", EarlyStopping()), ("ReduceLROnPlateau", ReduceLROnPlateau()),
      ("ModelCheckpoint", try ModelCheckpoint(path: "m", saveBestOnly: true) { _, _ in }),
    ]
    for (name, c) in callbacks {
      let error = #expect(throws: LayerError.self) { try m.fit(x: x, y: y, options: noValidation, callbacks: [c]) }
      #expect(error?.message.hasPrefix("\(name): monitor 'val_loss' will not be in the logs") == true, "\(error?.message ?? "")")
    }
    #expect(m.optimizer!.steps == 0)
    // A hook that may add it lets it through to the epoch's end, where it is looked for.
    let error = #expect(throws: LayerError.self) { try m.fit(x: x, y: y, options: noValidation, callbacks: [AddsCustom(), EarlyStopping()]) }
    #expect(error?.message.contains("monitored quantity 'val_loss' is not in the logs") == true)
    #expect(m.optimizer!.steps == 4)
    try m.fit(x: x, y: y, options: noValidation, callbacks: [AddsCustom(), EarlyStopping(monitor: "custom")])
  }

  @Test func aFitStoppedBeforeItsFirstEpochHasAnEmptyLoss() throws {
    let (m, x, y) = try model()
    let h = try m.fit(x: x, y: y, options: options(3), callbacks: [StopsAtOnce()])
    #expect(h.values["loss"] == [])
    #expect(h.values["val_loss"] == [])
    #expect(h.keys == ["loss", "val_loss"])
  }

  @Test func earlyStoppingRestoresTheBestWeightsWithoutStopping() throws {
    // Keras 3: on_train_end restores the best weights whether or not training stopped early.
    let (m, x, y) = try model(5)
    let stop = EarlyStopping(monitor: "val_loss", patience: 100, restoreBestWeights: true)
    var snapshots: [[Tensor]] = []
    final class Recorder: Callback {
      let record: ([Tensor]) -> Void
      init(_ r: @escaping ([Tensor]) -> Void) { record = r }
      func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws { record(model.weights()) }
    }
    let h = try m.fit(x: x, y: y, options: options(12), callbacks: [Recorder { snapshots.append($0) }, stop])
    let losses = h.values["val_loss"]!
    #expect(losses.count == 12 && stop.stoppedEpoch == nil)
    let best = try #require(stop.bestEpoch)
    #expect(best < 11, "the last epoch was the best; the test needs one that is not")
    #expect(losses[best] == losses.min())
    for (a, b) in zip(m.weights(), snapshots[best]) { #expect(a.scalars == b.scalars) }
  }
}
