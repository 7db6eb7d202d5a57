import Catalog
import CrescentMetrics

/// Hooks into training, as Keras's callbacks: each may read the logs, change the model
/// (weights, learning rate) or stop training by setting `model.stopTraining`. Epochs and
/// batches are counted from 0 here (`initialEpoch` included); scripts see them from 1.
public protocol Callback: AnyObject {
  /// The names this callback adds to every epoch's logs, known before training starts. For
  /// `lr`, fit itself puts the optimizer's rate in the logs before any callback sees them.
  var addedLogKeys: [String] { get }
  /// Whether this callback may add log names not known before training (a script's hook).
  var addsUnknownLogKeys: Bool { get }
  /// Called before `onTrainBegin` with the fit's plan (epochs, steps, the names every epoch's
  /// logs will hold), so a callback can start where the fit starts and refuse a setting that
  /// would fail later.
  func willTrain(_ plan: FitPlan) throws
  func onTrainBegin(_ model: Sequential) throws
  func onEpochBegin(_ epoch: Int, model: Sequential) throws
  func onBatchBegin(_ batch: Int, model: Sequential) throws
  func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws
  /// May add entries to the logs (they are recorded in the history).
  func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws
  func onTrainEnd(_ model: Sequential) throws
  /// The state that carries from one epoch to the next, for a training checkpoint (nil: none).
  func checkpointState() -> CallbackState?
  /// Takes up a checkpoint's state; a resumed fit calls it after `onTrainBegin`.
  func restore(_ state: CallbackState) throws
}

extension Callback {
  public var addedLogKeys: [String] { [] }
  public var addsUnknownLogKeys: Bool { false }
  public func willTrain(_ plan: FitPlan) throws {}
  public func onTrainBegin(_ model: Sequential) throws {}
  public func onEpochBegin(_ epoch: Int, model: Sequential) throws {}
  public func onBatchBegin(_ batch: Int, model: Sequential) throws {}
  public func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws {}
  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {}
  public func onTrainEnd(_ model: Sequential) throws {}
  public func checkpointState() -> CallbackState? { nil }
  public func restore(_ state: CallbackState) throws {}
}

/// Which way a monitored quantity improves.
public enum MonitorMode: String, CaseIterable, Sendable {
  case auto, min, max

  /// `auto` means max for accuracy-, AUC-, F1-, precision- and recall-like names, else min.
  /// Metrics added to `metrics` (a catalog) count as well as the built-in ones.
  func resolved(for monitor: String, metrics: Catalog? = nil) -> MonitorMode {
    guard self == .auto else { return self }
    let base = monitor.hasPrefix("val_") ? String(monitor.dropFirst(4)) : monitor
    if let higher = TrainingMetrics.higherIsBetter(base, in: metrics) { return higher ? .max : .min }
    let higher = ["acc", "auc", "f1", "precision", "recall", "jaccard", "average_precision"]
    return higher.contains { monitor.contains($0) } ? .max : .min
  }

  func improved(_ value: Double, over best: Double, minDelta: Double) -> Bool {
    self == .max ? value > best + minDelta : value < best - minDelta
  }
}

/// A callback's complaint about the logs it was given.
func missingMonitor(_ callback: String, _ monitor: String, _ logs: Logs) -> LayerError {
  LayerError("\(callback): monitored quantity '\(monitor)' is not in the logs (available: \(logs.items.map(\.key).joined(separator: ", ")))")
}
