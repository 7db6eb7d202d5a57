import Foundation

/// Saves the model after epochs: every epoch, or only when the monitored quantity improves.
/// `{epoch}` in the path is replaced by the epoch number (from 1).
public final class ModelCheckpoint: Callback {
  public let path: String
  public let monitor: String
  public let saveBestOnly: Bool
  public let mode: MonitorMode
  let save: (Sequential, String) throws -> Void
  public private(set) var best: Double?
  public private(set) var saved: [String] = []

  public init(path: String, monitor: String = "val_loss", saveBestOnly: Bool = false, mode: MonitorMode = .auto,
              save: @escaping (Sequential, String) throws -> Void) {
    self.path = path
    self.monitor = monitor
    self.saveBestOnly = saveBestOnly
    self.mode = mode.resolved(for: monitor)
    self.save = save
  }

  public func onTrainBegin(_ model: Sequential) throws { best = nil; saved = [] }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    if saveBestOnly {
      guard let value = logs[monitor] else { throw missingMonitor("ModelCheckpoint", monitor, logs) }
      if let b = best, !mode.improved(value, over: b, minDelta: 0) { return }
      if value.isNaN { return }
      best = value
    }
    let file = path.replacingOccurrences(of: "{epoch}", with: String(epoch + 1))
    try save(model, file)
    saved.append(file)
  }
}
