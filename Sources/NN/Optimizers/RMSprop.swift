/// RMSprop with PyTorch's rule (lr 0.01, alpha 0.99, eps 1e-8 added outside the square root),
/// with optional momentum and centering.
public final class RMSprop: Optimizer {
  public override class var kind: String { "RMSprop" }
  public let alpha: Float
  public let epsilon: Float
  public let momentum: Float
  public let centered: Bool

  public init(learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
              centered: Bool = false, weightDecay: Double = 0, clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.alpha = Float(alpha)
    self.epsilon = Float(epsilon)
    self.momentum = Float(momentum)
    self.centered = centered
    super.init(learningRate: learningRate, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  /// square average, gradient average (centered), momentum buffer.
  public override var slotCount: Int { 3 }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let sq = slots[0], ga = slots[1], buf = slots[2]
    let lr = Float(learningRate), wd = Float(weightDecay)
    for i in 0..<count {
      var g = grad[i]
      if wd != 0 { g += wd * value[i] }
      sq[i] = sq[i] * alpha + (1 - alpha) * g * g
      var avg: Float
      if centered {
        ga[i] += (1 - alpha) * (g - ga[i])
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
    super.config.merging(["alpha": Double(alpha), "eps": Double(epsilon), "momentum": Double(momentum), "centered": centered]) { $1 }
  }
}
