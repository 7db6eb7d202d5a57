import CKernels
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
  public override var slotNames: [String] { ["exp_avg", "exp_avg_sq"] }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let stepSize = Float(learningRate / (1 - pow(beta1, Double(step))))
    let c2 = Float((1 - pow(beta2, Double(step))).squareRoot())
    let decay = Float(1 - learningRate * weightDecay)
    let l2 = decoupled ? Float(0) : Float(weightDecay)
    // The scalars in double, rounded once (PyTorch's Python floats): 1 − β near 1 keeps its digits.
    ck_adam(ck_active_isa(), value, grad, slots[0], slots[1], count, Float(1 - beta1), Float(beta2), Float(1 - beta2),
            Float(epsilon), stepSize, c2, decay, l2, decoupled ? 1 : 0)
  }

  public override func updateRows(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                                  slots: [UnsafeMutablePointer<Float>], rows: UnsafeBufferPointer<Int32>, width: Int, step: Int) {
    sparseUpdate(value: value, grad: grad, m: slots[0], v: slots[1], rows: rows, width: width, step: step)
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
