/// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov), PyTorch's rule:
/// `b = μb + (1−τ)g` (b = g on the first step), `g = g + μb` (Nesterov) or `g = b`, `p −= lr·g`.
public final class SGD: Optimizer {
  public override class var kind: String { "SGD" }
  public let momentum: Double
  public let dampening: Double
  public let nesterov: Bool

  public init(learningRate: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
              weightDecay: Double = 0, clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.momentum = momentum
    self.dampening = dampening
    self.nesterov = nesterov
    super.init(learningRate: learningRate, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue)
  }

  public override var slotCount: Int { momentum != 0 ? 1 : 0 }
  public override var slotNames: [String] { momentum != 0 ? ["momentum_buffer"] : [] }

  public override func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                              slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {
    let lr = Float(learningRate), wd = Float(weightDecay)
    // 1 − τ in double, rounded once (PyTorch's Python float).
    let momentum = Float(self.momentum), keep = Float(1 - dampening)
    for i in 0..<count {
      var g = grad[i]
      if wd != 0 { g += wd * value[i] }
      if momentum != 0 {
        let b = slots[0]
        b[i] = step == 1 ? g : momentum * b[i] + keep * g
        g = nesterov ? g + momentum * b[i] : b[i]
      }
      value[i] -= lr * g
    }
  }

  public override var config: [String: Any] {
    super.config.merging(["momentum": momentum, "dampening": dampening, "nesterov": nesterov]) { $1 }
  }
}
