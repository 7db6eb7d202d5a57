import Catalog
import Foundation

/// Saves the model after epochs: every epoch, or only when the monitored quantity improves.
/// The path is a `PathTemplate` (`m-{epoch:02d}-{val_loss:.2f}.safetensors`), checked against
/// the logged names before training starts; missing folders are created. Files are written by
/// the model-file writer (`ModelFile`), with the metric names the model was compiled with, or,
/// with `saveTrainingState`, are training checkpoints (`TrainingCheckpoint`: everything a fit
/// needs to resume), written once the epoch has ended for every callback.
public final class ModelCheckpoint: Callback {
  public let path: String
  public let template: PathTemplate
  public let monitor: String
  public let saveBestOnly: Bool
  public let mode: MonitorMode
  /// Whether each file is a training checkpoint rather than a model file.
  public let saveTrainingState: Bool
  let save: (Sequential, String) throws -> Void
  public private(set) var best: Double?
  public private(set) var saved: [String] = []

  /// `metrics`: the catalog whose added metrics `mode: .auto` consults; `save` replaces the
  /// model-file writer (tests watch the saves with it).
  public init(path: String, monitor: String = "val_loss", saveBestOnly: Bool = false, mode: MonitorMode = .auto,
              saveTrainingState: Bool = false, metrics: Catalog? = nil,
              save: @escaping (Sequential, String) throws -> Void = { net, path in try ModelFile.save(net, metrics: net.metricNames, to: path) }) throws {
    guard !path.isEmpty else { throw LayerError("ModelCheckpoint: filepath is empty, expected a file name such as 'model-{epoch:02d}.safetensors'") }
    do { template = try PathTemplate(path) } catch let e as FormatError {
      throw LayerError("ModelCheckpoint: filepath '\(path)': \(e.message)")
    }
    self.path = path
    self.monitor = monitor
    self.saveBestOnly = saveBestOnly
    self.saveTrainingState = saveTrainingState
    self.mode = mode.resolved(for: monitor, metrics: metrics)
    self.save = save
  }

  public func willTrain(_ plan: FitPlan) throws {
    do { try template.check(keys: plan.logKeys, open: plan.openLogKeys) } catch let e as FormatError {
      throw LayerError("ModelCheckpoint: filepath '\(path)': \(e.message)")
    }
    if saveBestOnly { try plan.checkMonitor("ModelCheckpoint", monitor) }
  }

  public func onTrainBegin(_ model: Sequential) throws { best = nil; saved = [] }

  public func checkpointState() -> CallbackState? { CallbackState(numbers: best.map { ["best": $0] } ?? [:]) }

  public func restore(_ state: CallbackState) throws { best = state.numbers["best"] }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    if saveBestOnly {
      guard let value = logs[monitor] else { throw missingMonitor("ModelCheckpoint", monitor, logs) }
      if let b = best, !mode.improved(value, over: b, minDelta: 0) { return }
      if value.isNaN { return }
      best = value
    }
    let file: String
    do { file = try template.render(epoch: epoch, logs: logs) } catch let e as FormatError {
      throw LayerError("ModelCheckpoint: filepath '\(path)': \(e.message)")
    }
    if saveTrainingState {
      // Written by fit once every callback has seen the epoch, so the checkpoint holds their state after it.
      try model.requestCheckpoint(file)
      saved.append(file)
      return
    }
    do {
      try FileAccess.createParentFolders(of: file)
      try save(model, file)
    } catch let e as FileError {
      throw LayerError("ModelCheckpoint: cannot write '\(file)': \(e.reason)")
    }
    saved.append(file)
  }
}
