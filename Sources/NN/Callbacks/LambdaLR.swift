/// Sets the learning rate at the start of every epoch to `fn(epoch, lr)`, where `epoch`
/// counts from 1 (as Crescent prints and passes epochs) and `lr` is the optimizer's current
/// rate: Keras's LearningRateScheduler, not PyTorch's LambdaLR (whose function returns a
/// factor of the initial rate; write `fn = function(epoch) return base * f(epoch) end` for it).
public final class LambdaLR: Callback {
  let rate: (Int, Double) throws -> Double

  public init(_ rate: @escaping (_ epoch: Int, _ lr: Double) throws -> Double) { self.rate = rate }

  public var addedLogKeys: [String] { ["lr"] }

  public func onEpochBegin(_ epoch: Int, model: Sequential) throws {
    guard let o = model.optimizer else { return }
    let lr = try rate(epoch + 1, o.learningRate)
    guard lr.isFinite, lr >= 0 else {
      throw LayerError("LambdaLR: fn(\(epoch + 1), \(o.learningRate)) returned \(lr); a learning rate must be a finite number >= 0")
    }
    o.learningRate = lr
  }

}
