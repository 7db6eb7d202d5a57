import Tensors

/// A layer that keeps its own trainable flag: one that can be frozen before it is built, or
/// whose forward pass depends on it (a frozen BatchNormalization runs in inference mode, as
/// Keras 3's).
public protocol TrainableFlag: AnyObject {
  var trainableFlag: Bool { get set }
}

extension Layer {
  /// Whether the optimizer updates the layer's weights (Keras's `layer.trainable`). Setting it
  /// sets every weight's flag; a layer without a flag of its own reads it from its weights.
  public var trainable: Bool {
    get { (self as? TrainableFlag)?.trainableFlag ?? parameters.allSatisfy(\.trainable) }
    set {
      (self as? TrainableFlag)?.trainableFlag = newValue
      for p in parameters { p.trainable = newValue }
    }
  }

  /// Freezes or unfreezes the layer; an error for a layer that would forget it (one not yet
  /// built, without weights to carry the flag).
  public func setTrainable(_ value: Bool) throws {
    if !(self is TrainableFlag) && !isBuilt {
      throw LayerError("\(name) is not built yet, so it has no weights to freeze: add it to a model with a known input size first")
    }
    trainable = value
  }

  /// Copies of the layer's weights (its parameters, then its state), Keras's `get_weights`.
  public func weightValues() -> [Tensor] {
    (parameters + state).map { Tensor(shape: $0.value.shape, storage: TensorStorage(copying: $0.value.storage)) }
  }

  /// Copies `values` into the layer's weights, in `weightValues`'s order; counts and shapes are
  /// checked first (nothing changes on an error).
  public func setWeightValues(_ values: [Tensor]) throws {
    let targets = parameters + state
    guard isBuilt else { throw LayerError("\(name) is not built yet: its weights do not exist") }
    guard values.count == targets.count else {
      throw LayerError("\(name) has \(targets.count) weight tensors (\(targets.map { "\($0.name) \(describeShape($0.value.shape))" }.joined(separator: ", "))), got \(values.count)")
    }
    for (k, (w, v)) in zip(targets, values).enumerated() where w.value.shape != v.shape {
      throw LayerError("\(name): weight \(k + 1) (\(w.name)) has shape \(describeShape(w.value.shape)), got \(describeShape(v.shape))")
    }
    for (w, v) in zip(targets, values) { try w.assign(v) }
  }
}
