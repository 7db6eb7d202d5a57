import Tensors

/// What the training loop does for regularizers and constraints, over a model's layers:
/// after backward, the penalties join the loss and their gradients the weights' gradients;
/// after the optimizer step, the constraints project the weights. Frozen weights take neither
/// (as Keras 3, whose penalties and constraints follow the trainable weights).
public enum Regularization {
  /// Adds every trainable ruled weight's penalty gradient to its gradient; returns the total
  /// penalty (weights and the last forward pass's activities) to add to the batch loss.
  @discardableResult
  public static func apply(to layers: [Layer]) -> Double {
    var total = 0.0
    for case let layer as any Regularized in layers {
      total += layer.activityPenalty
      for (w, r, _) in layer.ruledWeights where w.trainable {
        guard let r else { continue }
        total += r.penalty(w.value)
        w.grad.makeUnique()
        r.addGradient(of: w.value.storage.pointer, into: w.grad.storage.pointer, count: w.value.count)
      }
    }
    return total
  }

  /// The total penalty without touching gradients (what evaluation adds to the loss).
  public static func penalty(of layers: [Layer]) -> Double {
    var total = 0.0
    for case let layer as any Regularized in layers {
      total += layer.activityPenalty
      for (w, r, _) in layer.ruledWeights where w.trainable { total += r?.penalty(w.value) ?? 0 }
    }
    return total
  }

  /// Projects every trainable constrained weight (after an optimizer step).
  public static func constrain(_ layers: [Layer]) {
    for case let layer as any Regularized in layers {
      for (w, _, c) in layer.ruledWeights where w.trainable { c?.apply(to: w) }
    }
  }
}
