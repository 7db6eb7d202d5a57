import Tensors

/// What Conv1D and Conv2D have in common beyond their core: forward and backward through the
/// core with the shapes they were built for, and the logits pair of an output layer.
protocol ConvolutionLayer: ActivationOutput {
  var core: ConvolutionCore { get }
  var inputShape: [Int] { get }
  var outputShape: [Int] { get }
}

extension ConvolutionLayer {
  public var isBuilt: Bool { core.kernel != nil }
  public var parameters: [Weight] { core.parameters }
  public var outputActivation: Activation { core.activation }
  public var outputAlpha: Float? { core.alpha }
  public var rules: WeightRules { core.rules }
  public var ruledKernel: Weight? { core.kernel }
  public var ruledBias: Weight? { core.bias }
  public var activityPenalty: Double { core.activity?.value ?? 0 }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try core.forward(x, name: name, inputShape: inputShape, outputShape: outputShape, training: training, applying: core.activation)
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    try core.backward(gradOutput, name: name, accumulate: accumulate, needsInputGradient: needsInputGradient, through: core.activation)
  }

  public func forwardLogits(_ x: Tensor, training: Bool) throws -> Tensor {
    try core.forward(x, name: name, inputShape: inputShape, outputShape: outputShape, training: training, applying: .linear)
  }

  public func backwardFromLogits(_ gradLogits: Tensor, accumulate: Bool) throws -> Tensor {
    try core.backward(gradLogits, name: name, accumulate: accumulate, needsInputGradient: needsInputGradient, through: .linear)
  }
}

extension Conv1D: Regularized {}
extension Conv2D: Regularized {}
