import Testing
@testable import NN
import Tensors

/// Every optimizer: six steps equal PyTorch's trajectory within 1e-6.
@Suite struct OptimizerReferenceTests {
  static let cases: [(String, @Sendable () -> Optimizer)] = [
    ("sgd_lr0.1", { SGD(learningRate: 0.1) }),
    ("sgd_momentum0.9_lr0.05", { SGD(learningRate: 0.05, momentum: 0.9) }),
    ("sgd_nesterov_momentum0.9_lr0.05", { SGD(learningRate: 0.05, momentum: 0.9, nesterov: true) }),
    ("adam_lr0.001", { Adam(learningRate: 0.001) }),
    ("adam_lr0.01_betas0.8_0.99_eps1e-7", { Adam(learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-7) }),
    ("adamw_lr0.01_wd0.1", { AdamW(learningRate: 0.01, weightDecay: 0.1) }),
    ("rmsprop_lr0.01_alpha0.9", { RMSprop(learningRate: 0.01, alpha: 0.9) }),
    ("adagrad_lr0.1", { Adagrad(learningRate: 0.1) }),
  ]

  @Test(arguments: cases.map(\.0))
  func trajectoryMatchesPyTorch(_ name: String) throws {
    let make = Self.cases.first { $0.0 == name }!.1
    let optimizer = make()
    let p = Weight(name: "p", value: Reference.tensor(Reference.section("optimizers", "initial")))
    let grads = Reference.section("optimizers", "gradients") as! [[[Double]]]
    let expected = Reference.section("optimizers", "trajectories", name) as! [[[Double]]]
    for (step, g) in grads.enumerated() {
      p.grad = Reference.tensor(g)
      optimizer.step([p])
      let want = Reference.tensor(expected[step])
      let err = zip(p.value.scalars, want.scalars).map { abs($0 - $1) }.max()!
      #expect(err <= 1e-6, "\(name) step \(step + 1): off by \(err)")
    }
  }

  @Test func clipByNormAndValue() {
    let p = Weight(name: "p", value: .zeros([2]))
    p.grad = Tensor(shape: [2], scalars: [3, 4])
    SGD(learningRate: 1, clipNorm: 1).step([p])
    #expect(abs(p.value.scalars[0] + 0.6) < 1e-5 && abs(p.value.scalars[1] + 0.8) < 1e-5)
    let q = Weight(name: "q", value: .zeros([2]))
    q.grad = Tensor(shape: [2], scalars: [3, -0.5])
    SGD(learningRate: 1, clipValue: 1).step([q])
    #expect(q.value.scalars == [-1, 0.5])
  }

  @Test func frozenParametersDoNotMove() {
    let p = Weight(name: "p", value: .ones([3]))
    p.trainable = false
    p.grad = .ones([3])
    Adam(learningRate: 0.1).step([p])
    #expect(p.value.scalars == [1, 1, 1])
  }
}
