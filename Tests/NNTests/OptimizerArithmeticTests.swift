import Foundation
import Testing
@testable import NN
import Tensors

/// The optimizers' scalar arithmetic against PyTorch where it is most sensitive: decay
/// constants near 1, whose complements (1 − β) must be worked out in double precision.
/// Fixtures/optimizers_near_one.json holds PyTorch's values (CPU, float32).
@Suite struct OptimizerArithmeticTests {
  // Read once and never changed; `Any` (the JSON tree) is what keeps it from being Sendable.
  nonisolated(unsafe) static let fixture: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optimizers_near_one.json")
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }()

  /// Name, optimizer, and the relative tolerance after 50 steps. PyTorch's vectorised kernels
  /// contract some products into FMAs, so the last bits differ; the RMSprop runs take steps of
  /// about 0.3 (lr over a tiny second moment) and amplify those bits most.
  static let cases: [(String, @Sendable () -> Optimizer, Float)] = [
    ("adam_default", { Adam() }, 1e-6),
    ("adam_beta2_0.99999", { Adam(learningRate: 1e-3, beta2: 0.99999) }, 1e-6),
    ("adamw_beta2_0.99999", { AdamW(learningRate: 1e-3, beta1: 0.99, beta2: 0.99999, weightDecay: 0.01) }, 1e-6),
    ("rmsprop_alpha_0.99999", { RMSprop(learningRate: 1e-3, alpha: 0.99999) }, 1e-5),
    ("rmsprop_centered_momentum_alpha_0.9999", { RMSprop(learningRate: 1e-3, alpha: 0.9999, momentum: 0.5, centered: true) }, 1e-5),
  ]

  static func vector(_ node: Any) -> Tensor {
    let values = (node as! [Double]).map(Float.init)
    return Tensor(shape: [values.count], scalars: values)
  }

  @Test(arguments: cases.map(\.0))
  func fiftyStepsMatchPyTorch(_ name: String) {
    let (_, make, tolerance) = Self.cases.first { $0.0 == name }!
    let optimizer = make()
    let p = Weight(name: "p", value: Self.vector(Self.fixture["initial"]!))
    for g in Self.fixture["gradients"] as! [[Double]] {
      p.grad = Self.vector(g)
      optimizer.step([p])
    }
    let want = Self.vector((Self.fixture["final"] as! [String: Any])[name]!)
    let err = zip(p.value.scalars, want.scalars).map { abs($0 - $1) / max(abs($1), 1e-6) }.max()!
    #expect(err <= tolerance, "\(name): relative error \(err)")
  }

  @Test func adamWithBeta2NearOneTakesFullSteps() {
    // Gradient 1 for 100 steps: every bias-corrected step is lr, so the weight ends at −100·lr.
    let p = Weight(name: "p", value: .zeros([1]))
    let adam = Adam(learningRate: 1e-3, beta2: 0.99999)
    for _ in 0..<100 { p.grad = .ones([1]); adam.step([p]) }
    let torch = Float(Self.fixture["adam_beta2_0.99999_constant_gradient_100_steps"] as! Double)
    #expect(abs(p.value.scalars[0] - torch) <= 1e-7, "got \(p.value.scalars[0]), PyTorch \(torch)")
  }
}
