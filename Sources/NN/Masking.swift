import Tensors

/// Masks mark the padding steps of a batch of sequences, as Keras's masking does: a tensor
/// of shape [n, steps] holding 1 for a real step and 0 for padding. A layer that makes one
/// (an Embedding with `mask_zero`) produces it; layers that keep the steps axis pass it on;
/// layers that read it (global pooling over steps) consume it. Everywhere else it is dropped.
/// Models carry the mask from layer to layer with `forward(_:training:mask:)`.

/// A layer that makes a mask over its output's steps (valid after each forward; nil: none).
public protocol MaskProducing: Layer {
  var outputMask: Tensor? { get }
}

/// A layer that reads the mask of its input's steps: the model sets it before each forward
/// (nil when the input has none).
public protocol MaskConsuming: Layer {
  var inputMask: Tensor? { get set }
}

/// A layer that keeps its input's steps, so the mask of its input is the mask of its output
/// (Dense on sequences, Dropout, Activation, the normalisations).
public protocol MaskPassing: Layer {}

extension Layer {
  /// Forward with the mask of `x` (if any) given to a consumer, and `mask` replaced by the
  /// mask of the output: the layer's own, the input's passed on, or none.
  public func forward(_ x: Tensor, training: Bool, mask: inout Tensor?) throws -> Tensor {
    if let consumer = self as? MaskConsuming { consumer.inputMask = mask }
    let y = try forward(x, training: training)
    if let producer = self as? MaskProducing {
      mask = producer.outputMask
    } else if !(self is MaskPassing) {
      mask = nil
    }
    return y
  }
}

extension Dense: MaskPassing {}
extension Dropout: MaskPassing {}
extension GaussianNoise: MaskPassing {}
extension ActivationLayer: MaskPassing {}
extension BatchNormalization: MaskPassing {}
extension LayerNormalization: MaskPassing {}
extension SpatialDropout: MaskPassing {}
