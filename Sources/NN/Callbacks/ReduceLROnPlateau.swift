import Catalog
/// Multiplies the learning rate by `factor` when a monitored quantity has not improved for
/// `patience` epochs, waiting `cooldown` epochs after each reduction, down to `minLR` (Keras's
/// rule). The epoch's `lr` log is the rate that epoch trained with; a reduction applies from
/// the next epoch.
public final class ReduceLROnPlateau: Callback {
  public let monitor: String
  public let factor: Double
  public let patience: Int
  public let mode: MonitorMode
  public let minDelta: Double
  public let cooldown: Int
  public let minLR: Double
  public private(set) var best: Double?
  public private(set) var wait = 0
  private var cooldownLeft = 0

  public init(monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: MonitorMode = .auto,
              minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0, metrics: Catalog? = nil) {
    self.monitor = monitor
    self.factor = factor
    self.patience = patience
    self.mode = mode.resolved(for: monitor, metrics: metrics)
    self.minDelta = minDelta
    self.cooldown = cooldown
    self.minLR = minLR
  }

  public var addedLogKeys: [String] { ["lr"] }

  public func willTrain(_ plan: FitPlan) throws { try plan.checkMonitor("ReduceLROnPlateau", monitor) }

  public func onTrainBegin(_ model: Sequential) throws { best = nil; wait = 0; cooldownLeft = 0 }

  public func checkpointState() -> CallbackState? {
    var numbers: [String: Double] = ["wait": Double(wait), "cooldown_left": Double(cooldownLeft)]
    if let best { numbers["best"] = best }
    return CallbackState(numbers: numbers)
  }

  public func restore(_ state: CallbackState) throws {
    wait = try state.integer("wait") ?? 0
    cooldownLeft = try state.integer("cooldown_left") ?? 0
    best = state.numbers["best"]
  }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    guard let value = logs[monitor] else { throw missingMonitor("ReduceLROnPlateau", monitor, logs) }
    guard let optimizer = model.optimizer else { return }
    if cooldownLeft > 0 { cooldownLeft -= 1; wait = 0 }
    let improved = best.map { mode.improved(value, over: $0, minDelta: minDelta) } ?? !value.isNaN
    if improved {
      best = value; wait = 0
    } else if cooldownLeft == 0 {
      wait += 1
      if wait >= patience, optimizer.learningRate > minLR {
        optimizer.learningRate = max(optimizer.learningRate * factor, minLR)
        cooldownLeft = cooldown
        wait = 0
      }
    }
  }
}
