/// RMSprop with PyTorch's rule (lr 0.01, alpha 0.99, eps 1e-8 added outside the square root),
/// with optional momentum and centering. The scalars (1 − α among them) are worked out in double
/// precision and rounded once to float, as PyTorch's Python floats are.
public final class RMSprop: Optimizer {
  public override class var kind: String { "RMSprop" }
  public let alpha: Double
  public let epsilon: Double
  public let momentum: Double
  public let centered: Bool

  public init(learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
              centered: Bool = false, weightDecay: Double = 0, clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.alpha = alpha
    self.epsilon = epsilon
    self.momentum = momentum
    self.centered = centered
    super.init(learningRate: learningRate, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  /// square average, gradient average (centered), momentum buffer.
  public override var slotCount: Int { 3 }
  public override var slotNames: [String] { ["square_avg", "grad_avg", "momentum_buffer"] }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let sq = slots[0], ga = slots[1], buf = slots[2]
    let lr = Float(learningRate), wd = Float(weightDecay)
    let alpha = Float(self.alpha), w = Float(1 - self.alpha), epsilon = Float(self.epsilon), momentum = Float(self.momentum)
    for i in 0..<count {
      var g = grad[i]
      if wd != 0 { g += wd * value[i] }
      sq[i] = sq[i] * alpha + w * g * g
      var avg: Float
      if centered {
        ga[i] += w * (g - ga[i])
        avg = (sq[i] - ga[i] * ga[i]).squareRoot()
      } else {
        avg = sq[i].squareRoot()
      }
      avg += epsilon
      if momentum > 0 {
        buf[i] = buf[i] * momentum + g / avg
        value[i] -= lr * buf[i]
      } else {
        value[i] -= lr * g / avg
      }
    }
  }

  public override var config: [String: Any] {
    super.config.merging(["alpha": alpha, "eps": epsilon, "momentum": momentum, "centered": centered]) { $1 }
  }
}
