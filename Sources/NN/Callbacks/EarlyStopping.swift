import Tensors

/// Stops training when a monitored quantity has stopped improving for `patience` epochs;
/// optionally restores the weights of the best epoch.
public final class EarlyStopping: Callback {
  public let monitor: String
  public let minDelta: Double
  public let patience: Int
  public let mode: MonitorMode
  public let restoreBestWeights: Bool
  public private(set) var best: Double?
  public private(set) var bestEpoch: Int?
  public private(set) var stoppedEpoch: Int?
  private var wait = 0
  private var bestWeights: [Tensor]?

  public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
              restoreBestWeights: Bool = false) {
    self.monitor = monitor
    self.minDelta = abs(minDelta)
    self.patience = patience
    self.mode = mode.resolved(for: monitor)
    self.restoreBestWeights = restoreBestWeights
  }

  public func onTrainBegin(_ model: Sequential) throws {
    best = nil; bestEpoch = nil; stoppedEpoch = nil; wait = 0; bestWeights = nil
  }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    guard let value = logs[monitor] else { throw missingMonitor("EarlyStopping", monitor, logs) }
    if let b = best, !mode.improved(value, over: b, minDelta: minDelta) {
      wait += 1
      if wait > patience {
        stoppedEpoch = epoch
        model.stopTraining = true
        if restoreBestWeights, let w = bestWeights { try model.setWeights(w) }
      }
    } else if !value.isNaN {
      best = value; bestEpoch = epoch; wait = 0
      if restoreBestWeights { bestWeights = model.weights() }
    }
  }
}
