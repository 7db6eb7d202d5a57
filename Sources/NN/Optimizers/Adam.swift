import Foundation

/// Adam (Kingma & Ba) with PyTorch's rule and defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8):
/// eps is added after the square root of the bias-corrected second moment. With `decoupled`
/// it is AdamW: weight decay shrinks the parameter directly (`p *= 1 − lr·wd`) instead of
/// being added to the gradient.
public class Adam: Optimizer {
  public override class var kind: String { "Adam" }
  public let beta1: Double
  public let beta2: Double
  public let epsilon: Double
  public let decoupled: Bool

  public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
              weightDecay: Double = 0, decoupled: Bool = false, clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.decoupled = decoupled
    super.init(learningRate: learningRate, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  public override var slotCount: Int { 2 }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let m = slots[0], v = slots[1]
    let b1 = Float(beta1), b2 = Float(beta2), eps = Float(epsilon)
    let stepSize = Float(learningRate / (1 - pow(beta1, Double(step))))
    let c2 = Float((1 - pow(beta2, Double(step))).squareRoot())
    let decay = Float(1 - learningRate * weightDecay)
    let l2 = decoupled ? Float(0) : Float(weightDecay)
    for i in 0..<count {
      var g = grad[i]
      if decoupled { value[i] *= decay } else if l2 != 0 { g += l2 * value[i] }
      m[i] += (1 - b1) * (g - m[i])
      v[i] = v[i] * b2 + (1 - b2) * g * g
      let denom = v[i].squareRoot() / c2 + eps
      value[i] -= stepSize * m[i] / denom
    }
  }

  public override var config: [String: Any] {
    super.config.merging(["beta1": beta1, "beta2": beta2, "eps": epsilon]) { $1 }
  }
}

/// AdamW: Adam with decoupled weight decay (PyTorch default weight_decay 0.01).
public final class AdamW: Adam {
  public override class var kind: String { "AdamW" }

  public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
              weightDecay: Double = 0.01, clipNorm: Double? = nil, clipValue: Double? = nil) {
    super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
               decoupled: true, clipNorm: clipNorm, clipValue: clipValue)
  }
}
