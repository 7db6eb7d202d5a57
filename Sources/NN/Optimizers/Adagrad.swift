/// Adagrad with PyTorch's rule (lr 0.01, initial accumulator 0, eps 1e-10, lr_decay).
public final class Adagrad: Optimizer {
  public override class var kind: String { "Adagrad" }
  public let epsilon: Float
  public let lrDecay: Double

  public init(learningRate: Double = 1e-2, lrDecay: Double = 0, epsilon: Double = 1e-10, weightDecay: Double = 0,
              clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.epsilon = Float(epsilon)
    self.lrDecay = lrDecay
    super.init(learningRate: learningRate, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  public override var slotCount: Int { 1 }
  public override var slotNames: [String] { ["sum"] }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let sum = slots[0], wd = Float(weightDecay)
    let clr = Float(learningRate / (1 + Double(step - 1) * lrDecay))
    for i in 0..<count {
      var g = grad[i]
      if wd != 0 { g += wd * value[i] }
      sum[i] += g * g
      value[i] -= clr * g / (sum[i].squareRoot() + epsilon)
    }
  }

  public override var config: [String: Any] {
    super.config.merging(["lr_decay": lrDecay, "eps": Double(epsilon)]) { $1 }
  }
}
