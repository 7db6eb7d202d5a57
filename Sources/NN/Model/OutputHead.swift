import Tensors

/// How a compiled model's output meets its loss, decided once at compile and used as is by
/// every training step, `gradients` and `evaluate`: which layer (if any) hands the loss its
/// logits, the activation that layer then leaves out, and the form the loss reads.
///
/// A loss that absorbs an activation (`fusesWith`: sigmoid for binary cross-entropy and
/// focal, softmax for categorical cross-entropy) fuses with a last layer ending in it, unless
/// the loss already reads logits (from_logits). `predict`, and `forward` outside the loss,
/// run the whole model and see probabilities.
public struct OutputHead {
  /// The last layer, whose activation the loss absorbs; nil when nothing is fused.
  public let fusedLayer: ActivationOutput?
  /// Whether the loss reads logits: the fused layer's, or the model's own (from_logits).
  public let lossReadsLogits: Bool
  /// A graph model's heads, one per output (nil for a Sequential stack).
  let graphHead: GraphHead?

  /// The activation the fused layer leaves to the loss, with its parameter.
  public var fusedActivation: (activation: Activation, alpha: Float?)? {
    fusedLayer.map { ($0.outputActivation, $0.outputAlpha) }
  }

  /// The head of `layers` compiled with `loss`.
  init(layers: [Layer], loss: Loss) {
    if !loss.fromLogits, let absorbed = loss.fusesWith, let last = layers.last as? ActivationOutput,
       last.outputActivation == absorbed {
      fusedLayer = last
      lossReadsLogits = true
    } else {
      fusedLayer = nil
      lossReadsLogits = loss.fromLogits
    }
    graphHead = nil
  }

  /// The heads of a graph model's outputs.
  init(graph: GraphHead) {
    fusedLayer = nil
    lossReadsLogits = false
    graphHead = graph
  }

  /// Runs `layers` forward to what the loss reads: the fused layer stops at its logits.
  func forward(_ layers: [Layer], _ x: Tensor, training: Bool) throws -> Tensor {
    if let graphHead { return try graphHead.forward(x, training: training) }
    var h = x
    var mask: Tensor? = nil
    guard let fused = fusedLayer else {
      for layer in layers { h = try layer.forward(h, training: training, mask: &mask) }
      return h
    }
    for layer in layers.dropLast() { h = try layer.forward(h, training: training, mask: &mask) }
    return try fused.forwardLogits(h, training: training)
  }

  /// Runs `layers` backward from the gradient of the loss with respect to what it read.
  func backward(_ layers: [Layer], _ gradient: Tensor, accumulate: Bool) throws {
    if let graphHead { return try graphHead.backward(gradient, accumulate: accumulate) }
    var g = gradient
    var rest = layers[...]
    if let fused = fusedLayer {
      g = try fused.backwardFromLogits(g, accumulate: accumulate)
      rest = rest.dropLast()
    }
    for layer in rest.reversed() { g = try layer.backward(g, accumulate: accumulate) }
  }

  /// The probabilities metrics see for `outputs` (what the loss read): the fused activation
  /// applied into `buffer`, or the outputs themselves.
  func probabilities(of outputs: Tensor, into buffer: inout Tensor) -> Tensor {
    if let graphHead { return graphHead.probabilities(of: outputs, into: &buffer) }
    guard let (activation, alpha) = fusedActivation else { return outputs }
    Tensor.prepare(&buffer, shape: outputs.shape)
    Elementwise.biasActivation(activation, alpha: alpha, z: outputs.storage.pointer, bias: nil,
                               out: buffer.storage.pointer, rows: outputs.shape[0], cols: outputs.shape[1])
    return buffer
  }
}
