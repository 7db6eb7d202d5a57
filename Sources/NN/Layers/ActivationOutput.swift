import Tensors

/// A layer whose output ends in an activation (a Dense layer with `activation`, or an
/// Activation layer): as a model's last layer it can hand the pre-activation (the logits) to
/// a loss that absorbs that activation, the fused and numerically stable form of sigmoid with
/// binary cross-entropy or softmax with categorical cross-entropy.
public protocol ActivationOutput: Layer {
  /// The activation the output ends in.
  var outputActivation: Activation { get }
  /// Its parameter, for the activations that take one (`Activation.alphaRole`).
  var outputAlpha: Float? { get }
  /// When set, forward stops before the activation and backward takes the gradient with
  /// respect to the pre-activation.
  var emitsLogits: Bool { get set }
}

extension Dense: ActivationOutput {
  public var outputActivation: Activation { activation }
  public var outputAlpha: Float? { alpha }
}

extension ActivationLayer: ActivationOutput {
  public var outputActivation: Activation { activation }
  public var outputAlpha: Float? { alpha }
}
