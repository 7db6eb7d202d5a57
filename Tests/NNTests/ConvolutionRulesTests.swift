import Testing
@testable import NN
import Tensors

/// Regularizers and constraints on a convolution's kernel and bias, and on its output, by the
/// same rules as Dense's: penalty l1·Σ|w| + l2·Σw², its gradient added to the weight's, and
/// the constraint applied after the optimizer's step.
@Suite struct ConvolutionRulesTests {
  func built(_ rules: WeightRules) throws -> Conv2D {
    let conv = try Conv2D(filters: 2, kernelSize: (2, 2), activation: .tanh, rules: rules, name: "conv")
    var r = RandomStream(seed: 3)
    _ = try conv.build(inputShape: [3, 3, 1], random: &r)
    return conv
  }

  @Test func kernelAndBiasPenaltiesAndTheirGradients() throws {
    let conv = try built(WeightRules(kernelRegularizer: Regularizer(l2: 0.1), biasRegularizer: Regularizer(l1: 0.2)))
    let k = conv.kernel!.value.scalars, b = [Float](repeating: 0.5, count: 2)
    try conv.bias!.assign(Tensor(shape: [2], scalars: b))
    let expected = 0.1 * k.reduce(0.0) { $0 + Double($1 * $1) } + 0.2 * b.reduce(0.0) { $0 + Double(abs($1)) }
    #expect(abs(Regularization.penalty(of: [conv]) - expected) < 1e-6)
    conv.kernel!.grad = Tensor.zeros(conv.kernel!.value.shape)
    conv.bias!.grad = Tensor.zeros([2])
    let total = Regularization.apply(to: [conv])
    #expect(abs(total - expected) < 1e-6)
    for (g, w) in zip(conv.kernel!.grad.scalars, k) { #expect(abs(g - 0.2 * w) < 1e-6) }
    #expect(conv.bias!.grad.scalars == [0.2, 0.2])
  }

  @Test func anActivityPenaltyIsOnTheOutput() throws {
    let conv = try built(WeightRules(activityRegularizer: Regularizer(l2: 0.05)))
    let x = Tensor(shape: [1, 3, 3, 1], scalars: (0..<9).map { Float($0) / 9 })
    let y = try conv.forward(x, training: true)
    let expected = 0.05 * y.scalars.reduce(0.0) { $0 + Double($1 * $1) }
    #expect(abs(conv.activityPenalty - expected) < 1e-6)
  }

  @Test func aConstraintProjectsTheKernelAfterTheStep() throws {
    let conv = try built(WeightRules(kernelConstraint: .nonNeg))
    try conv.kernel!.assign(Tensor(shape: conv.kernel!.value.shape, scalars: (0..<8).map { Float($0) - 4 }))
    Regularization.constrain([conv])
    #expect(conv.kernel!.value.scalars.allSatisfy { $0 >= 0 })
    #expect(conv.kernel!.value.scalars.filter { $0 > 0 } == [1, 2, 3])
  }

  @Test func theRulesAreSavedInTheConfigAndSharedByATwin() throws {
    let conv = try built(WeightRules(kernelRegularizer: Regularizer(l2: 0.1), kernelConstraint: .maxNorm(2, axes: [0, 1, 2])))
    #expect(conv.config["kernel_regularizer"] != nil)
    #expect(conv.config["kernel_constraint"] != nil)
    let twin = try #require(try conv.twin() as? Conv2D)
    #expect(twin.rules == conv.rules)
    #expect(twin.kernel === conv.kernel)
  }
}
