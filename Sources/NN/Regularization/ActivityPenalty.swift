import Tensors

/// The activity penalty of a layer's output, as Keras 3 adds it: the regularizer applied to
/// the whole output of the batch (summed over every sample, not divided by the batch size: that
/// was Keras 2's rule). The layer records it on each forward pass and adds its gradient to the
/// gradient of its output in backward.
public final class ActivityPenalty {
  public let regularizer: Regularizer
  /// The penalty of the last forward pass.
  public private(set) var value = 0.0
  /// The activated values when the layer hands its loss logits (the penalty is on the output).
  private var activated = Tensor.zeros([0])
  private var gradient = Tensor.zeros([0])
  private var through = Tensor.zeros([0])

  public init(_ regularizer: Regularizer) { self.regularizer = regularizer }

  /// Records the penalty of the layer's output `y`.
  public func record(_ y: Tensor) {
    value = regularizer.penalty(y)
  }

  /// `dy` plus the penalty's gradient at `y`, in a buffer of its own.
  public func adding(to dy: Tensor, at y: Tensor) -> Tensor {
    Tensor.prepare(&gradient, shape: dy.shape)
    gradient.storage.pointer.update(from: dy.storage.pointer, count: dy.count)
    regularizer.addGradient(of: y.storage.pointer, into: gradient.storage.pointer, count: y.count)
    return gradient
  }

  /// Records the penalty of `activation(logits)`, for a layer whose activation its loss absorbs.
  public func record(logits: Tensor, activation: Activation, alpha: Float?) {
    Tensor.prepare(&activated, shape: logits.shape)
    let cols = logits.shape.last ?? 1
    Elementwise.biasActivation(activation, alpha: alpha, z: logits.storage.pointer, bias: nil,
                               out: activated.storage.pointer, rows: logits.count / max(cols, 1), cols: cols)
    value = regularizer.penalty(activated)
  }

  /// `dlogits` plus the penalty's gradient carried back through the activation to the logits
  /// (after ``record(logits:activation:alpha:)`` on the same logits).
  public func adding(toLogitGradient dlogits: Tensor, logits: Tensor, activation: Activation, alpha: Float?) -> Tensor {
    Tensor.prepare(&through, shape: logits.shape)
    through.storage.pointer.update(repeating: 0, count: through.count)
    regularizer.addGradient(of: activated.storage.pointer, into: through.storage.pointer, count: through.count)
    let cols = logits.shape.last ?? 1
    Elementwise.activationBackward(activation, alpha: alpha, z: logits.storage.pointer, y: activated.storage.pointer,
                                   dy: through.storage.pointer, dz: through.storage.pointer,
                                   rows: logits.count / max(cols, 1), cols: cols)
    Tensor.prepare(&gradient, shape: dlogits.shape)
    let g = gradient.storage.pointer, d = dlogits.storage.pointer, t = through.storage.pointer
    for i in 0..<dlogits.count { g[i] = d[i] + t[i] }
    return gradient
  }
}
