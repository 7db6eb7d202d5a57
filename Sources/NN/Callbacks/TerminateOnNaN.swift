/// Stops training as soon as a batch's loss is NaN or infinite.
public final class TerminateOnNaN: Callback {
  public private(set) var terminated = false
  public init() {}

  public func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws {
    if let loss = logs["loss"], !loss.isFinite {
      terminated = true
      model.stopTraining = true
    }
  }
}
