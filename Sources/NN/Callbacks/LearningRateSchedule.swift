import Foundation

/// Sets the optimizer's learning rate from the epoch or step count, relative to the optimizer's
/// initial rate (its `lr`): step decay, exponential decay, or cosine decay with a linear
/// warm-up. As PyTorch's schedulers, the rate at epoch e is a function of the initial rate and
/// e alone: the epoch is fit's (which `initial_epoch` continues) and the step count is the
/// optimizer's (which a saved model keeps), so a resumed fit carries on the schedule exactly
/// where the first one stopped, and the schedule itself holds no state.
public final class LearningRateSchedule: Callback {
  public enum Shape {
    /// × gamma every `stepSize` epochs.
    case step(stepSize: Int, gamma: Double)
    /// × gamma every epoch.
    case exponential(gamma: Double)
    /// Linear warm-up over `warmup` units, then cosine from the base rate to `minLR` at `total`.
    case cosine(total: Int, warmup: Int, minLR: Double)
  }

  public let shape: Shape
  /// Whether the schedule advances per batch (true) or per epoch.
  public let perStep: Bool

  public init(_ shape: Shape, perStep: Bool = false) {
    self.shape = shape
    self.perStep = perStep
  }

  /// The factor applied to the base rate after `t` units (epochs or steps) have elapsed.
  public func rate(at t: Int, base: Double) -> Double {
    switch shape {
    case .step(let size, let gamma): return base * pow(gamma, Double(t / max(size, 1)))
    case .exponential(let gamma): return base * pow(gamma, Double(t))
    case .cosine(let total, let warmup, let minLR):
      if t < warmup { return base * Double(t + 1) / Double(warmup + 1) }
      let progress = min(1, Double(t - warmup) / Double(max(total - warmup, 1)))
      return minLR + (base - minLR) * 0.5 * (1 + cos(Double.pi * progress))
    }
  }

  public func onTrainBegin(_ model: Sequential) throws {
    guard perStep, let o = model.optimizer else { return }
    o.learningRate = rate(at: o.steps, base: o.initialLearningRate)
  }

  public func onEpochBegin(_ epoch: Int, model: Sequential) throws {
    guard !perStep, let o = model.optimizer else { return }
    o.learningRate = rate(at: epoch, base: o.initialLearningRate)
  }

  public func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws {
    guard perStep, let o = model.optimizer else { return }
    o.learningRate = rate(at: o.steps, base: o.initialLearningRate)
  }

}
