import Foundation

/// The one-cycle policy with PyTorch's OneCycleLR formula, advanced every batch: the rate
/// rises from `maxLR / divFactor` to `maxLR` over the first `pctStart` of `total` steps, then
/// falls to `maxLR / divFactor / finalDivFactor` at the last step (with `threePhase`, it first
/// falls back to the initial rate, then to the final one). Cosine annealing by default, or
/// linear. It sets the rate only (PyTorch's momentum cycling is not done). A fit resumed at
/// `initialEpoch` continues the cycle at `initialEpoch` x steps per epoch; a fit that would
/// go beyond `total` steps is an error before training (PyTorch fails at the step itself).
public final class OneCycleLR: Callback {
  public enum Anneal: String, CaseIterable, Sendable { case cos, linear }

  public let maxLR: Double
  public let total: Int
  public let pctStart: Double
  public let anneal: Anneal
  public let divFactor: Double
  public let finalDivFactor: Double
  public let threePhase: Bool
  public private(set) var step = 0

  public init(maxLR: Double, total: Int, pctStart: Double = 0.3, anneal: Anneal = .cos, divFactor: Double = 25,
              finalDivFactor: Double = 1e4, threePhase: Bool = false) throws {
    guard total > 0 else { throw LayerError("OneCycleLR: total must be a positive number of steps, got \(total)") }
    guard pctStart > 0, pctStart < 1 else { throw LayerError("OneCycleLR: pct_start must be in (0, 1), got \(pctStart)") }
    guard maxLR > 0 else { throw LayerError("OneCycleLR: max_lr must be > 0, got \(maxLR)") }
    guard divFactor > 0 else { throw LayerError("OneCycleLR: div_factor must be > 0, got \(divFactor)") }
    guard finalDivFactor > 0 else { throw LayerError("OneCycleLR: final_div_factor must be > 0, got \(finalDivFactor)") }
    self.maxLR = maxLR
    self.total = total
    self.pctStart = pctStart
    self.anneal = anneal
    self.divFactor = divFactor
    self.finalDivFactor = finalDivFactor
    self.threePhase = threePhase
  }

  public var addedLogKeys: [String] { ["lr"] }

  /// The rate of step `t` (from 0), PyTorch's `get_lr` after `t` scheduler steps.
  public func rate(at t: Int) -> Double {
    let initial = maxLR / divFactor, final = initial / finalDivFactor
    let n = Double(total)
    // (end step, start rate, end rate) of each phase.
    let phases: [(Double, Double, Double)] = threePhase
      ? [(pctStart * n - 1, initial, maxLR), (2 * pctStart * n - 2, maxLR, initial), (n - 1, initial, final)]
      : [(pctStart * n - 1, initial, maxLR), (n - 1, maxLR, final)]
    let step = Double(t)
    var start = 0.0
    for (i, (end, from, to)) in phases.enumerated() {
      if step <= end || i == phases.count - 1 {
        let pct = end > start ? (step - start) / (end - start) : 1
        switch anneal {
        case .cos: return to + (from - to) / 2 * (cos(Double.pi * pct) + 1)
        case .linear: return (to - from) * pct + from
        }
      }
      start = end
    }
    return final
  }

  /// The step this fit starts at: a resumed fit (`initial_epoch`) continues the cycle.
  private var firstStep = 0

  /// Starts at the fit's first step and refuses, before training, a cycle shorter than the fit.
  public func willTrain(_ plan: FitPlan) throws {
    guard plan.lastStep <= total else {
      throw LayerError("OneCycleLR: total = \(total) steps is less than the \(plan.lastStep) this fit reaches (\(plan.epochs) epochs x \(plan.stepsPerEpoch) batches)")
    }
    firstStep = plan.firstStep
  }

  public func onTrainBegin(_ model: Sequential) throws { step = firstStep }

  public func checkpointState() -> CallbackState? { CallbackState(numbers: ["step": Double(step)]) }

  public func restore(_ state: CallbackState) throws { step = try state.integer("step") ?? firstStep }

  public func onBatchBegin(_ batch: Int, model: Sequential) throws {
    guard let o = model.optimizer else { return }
    guard step < total else {
      throw LayerError("OneCycleLR: step \(step + 1) is beyond total = \(total) steps (epochs x batches per epoch)")
    }
    o.learningRate = rate(at: step)
    step += 1
  }

}
