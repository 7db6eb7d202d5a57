import Foundation
import Tensors

/// Sigmoid focal loss (Lin et al. 2017, as torchvision's sigmoid_focal_loss), for imbalanced
/// labels: BCE scaled by α_t·(1 − p_t)^γ, averaged over all cells. Fuses with a sigmoid output.
public final class SigmoidFocal: ElementwiseLoss {
  public static let kind = "sigmoid_focal"
  public var columnWeights: [Float]? = nil
  /// The option as given: whether the model's outputs are logits. Saved with the model.
  public let fromLogits: Bool
  public let gamma: Double
  public let alpha: Double

  public init(gamma: Double = 2, alpha: Double = 0.25, fromLogits: Bool = false) {
    self.gamma = gamma
    self.alpha = alpha
    self.fromLogits = fromLogits
  }

  public var fusesWith: Activation? { .sigmoid }

  func cell(_ o: Double, _ t: Double, column j: Int, logits: Bool) -> (loss: Double, grad: Double) {
    // Work on the logit z; probabilities are mapped back to it (clipped).
    let z: Double, dzdo: Double
    if logits { z = o; dzdo = 1 } else {
      let p = min(max(o, probabilityEpsilon), 1 - probabilityEpsilon)
      z = log(p / (1 - p)); dzdo = 1 / (p * (1 - p))
    }
    let p = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    let ce = max(z, 0) - z * t + log1p(exp(-abs(z)))
    let pt = p * t + (1 - p) * (1 - t)
    let at = alpha >= 0 ? alpha * t + (1 - alpha) * (1 - t) : 1
    let m = pow(1 - pt, gamma)
    let dm = gamma == 0 ? 0 : -gamma * pow(1 - pt, gamma - 1) * (2 * t - 1) * p * (1 - p)
    return (at * m * ce, at * (dm * ce + m * (p - t)) * dzdo)
  }

  public var config: [String: Any] { ["gamma": gamma, "alpha": alpha, "from_logits": fromLogits] }
}
