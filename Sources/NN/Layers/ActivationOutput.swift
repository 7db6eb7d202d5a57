import Tensors

/// A layer whose output ends in an activation (a Dense layer with `activation`, or an
/// Activation layer): as a model's last layer it can hand the pre-activation (the logits) to
/// a loss that absorbs that activation, the fused and numerically stable form of sigmoid with
/// binary cross-entropy or softmax with categorical cross-entropy. The model's output head
/// (decided at compile) calls the logits pair in place of forward and backward; the layer
/// itself keeps no mode.
public protocol ActivationOutput: Layer {
  /// The activation the output ends in.
  var outputActivation: Activation { get }
  /// Its parameter, for the activations that take one (`Activation.alphaRole`).
  var outputAlpha: Float? { get }
  /// Forward stopped before the activation: the logits.
  func forwardLogits(_ x: Tensor, training: Bool) throws -> Tensor
  /// Backward from the gradient with respect to the logits (after `forwardLogits`).
  func backwardFromLogits(_ gradLogits: Tensor, accumulate: Bool) throws -> Tensor
}

extension Dense: ActivationOutput {
  public var outputActivation: Activation { activation }
  public var outputAlpha: Float? { alpha }
}

extension ActivationLayer: ActivationOutput {
  public var outputActivation: Activation { activation }
  public var outputAlpha: Float? { alpha }
}
