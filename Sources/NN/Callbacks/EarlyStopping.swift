import Catalog
import Tensors

/// Stops training when a monitored quantity has stopped improving, with Keras's rule: every
/// epoch adds one to a wait counter, an improvement (by more than `minDelta`) resets it,
/// and training stops at the end of an epoch (not the first) where it reaches `patience`.
/// With a constant loss and `patience = 2`, three epochs run. With a `baseline`, an
/// improvement resets the counter only if it also beats the baseline. Optionally restores
/// the weights of the best epoch at the end of training, stopped early or not (Keras 3).
public final class EarlyStopping: Callback {
  public let monitor: String
  public let minDelta: Double
  public let patience: Int
  public let mode: MonitorMode
  public let baseline: Double?
  public let restoreBestWeights: Bool
  /// Epochs (counted from 0) before which nothing is watched, as a warm-up.
  public let startFromEpoch: Int
  public private(set) var best: Double?
  public private(set) var bestEpoch: Int?
  public private(set) var stoppedEpoch: Int?
  public private(set) var wait = 0
  private var bestWeights: [Tensor]?

  public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
              baseline: Double? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0, metrics: Catalog? = nil) {
    self.monitor = monitor
    self.minDelta = abs(minDelta)
    self.patience = patience
    self.mode = mode.resolved(for: monitor, metrics: metrics)
    self.baseline = baseline
    self.restoreBestWeights = restoreBestWeights
    self.startFromEpoch = startFromEpoch
  }

  public func willTrain(_ plan: FitPlan) throws { try plan.checkMonitor("EarlyStopping", monitor) }

  public func onTrainBegin(_ model: Sequential) throws {
    best = nil; bestEpoch = nil; stoppedEpoch = nil; wait = 0; bestWeights = nil
  }

  func isImprovement(_ value: Double, over reference: Double?) -> Bool {
    guard let reference else { return !value.isNaN }
    return mode.improved(value, over: reference, minDelta: minDelta)
  }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    guard let value = logs[monitor] else { throw missingMonitor("EarlyStopping", monitor, logs) }
    guard epoch >= startFromEpoch else { return }
    wait += 1
    if isImprovement(value, over: best) {
      best = value; bestEpoch = epoch
      if restoreBestWeights { bestWeights = model.weights() }
      if baseline == nil || isImprovement(value, over: baseline) { wait = 0 }
      return
    }
    // Until an epoch improves (a NaN first value), the first watched epoch's weights stand in.
    if restoreBestWeights && bestWeights == nil { bestWeights = model.weights() }
    if wait >= patience && epoch > 0 {
      stoppedEpoch = epoch
      model.stopTraining = true
    }
  }

  public func checkpointState() -> CallbackState? {
    var numbers: [String: Double] = ["wait": Double(wait)]
    if let best { numbers["best"] = best }
    if let bestEpoch { numbers["best_epoch"] = Double(bestEpoch) }
    if let stoppedEpoch { numbers["stopped_epoch"] = Double(stoppedEpoch) }
    return CallbackState(numbers: numbers, tensors: bestWeights ?? [])
  }

  public func restore(_ state: CallbackState) throws {
    wait = try state.integer("wait") ?? 0
    best = state.numbers["best"]
    bestEpoch = try state.integer("best_epoch")
    stoppedEpoch = try state.integer("stopped_epoch")
    bestWeights = state.tensors.isEmpty ? nil : state.tensors
  }

  /// With `restoreBestWeights`, the best epoch's weights come back at the end of training,
  /// whether or not it stopped early (Keras 3's rule).
  public func onTrainEnd(_ model: Sequential) throws {
    if restoreBestWeights, let w = bestWeights { try model.setWeights(w) }
  }
}
