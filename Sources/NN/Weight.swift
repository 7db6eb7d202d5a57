import Tensors

/// A trainable tensor and the gradient the last backward pass left for it.
public final class Weight {
  /// Where it lives, for messages and files: `dense_1/kernel`.
  public var name: String
  public var value: Tensor
  public var grad: Tensor
  /// Set to false to freeze it (optimizers skip it).
  public var trainable = true
  /// For a weight whose gradient is zero outside some rows (an embedding table: the rows the
  /// last batch looked up), those rows; nil for a dense gradient. The layer that writes the
  /// gradient keeps it; optimizers then update only these rows (see `Optimizer.step`).
  public var touchedRows: TouchedRows?

  public init(name: String, value: Tensor) {
    self.name = name
    self.value = value
    self.grad = Tensor.zeros(value.shape)
  }

  /// A weight whose gradient is already known (`opt:step(tensors, grads)`), of the same shape.
  public init(name: String, value: Tensor, grad: Tensor) {
    self.name = name
    self.value = value
    self.grad = grad
  }

  /// Copies `values` into this weight's tensor, in place: whoever holds the tensor (a custom
  /// layer's forward, `model:parameters()`, the optimizer's state) sees the new values, and a
  /// custom layer's parameter stays the leaf its gradients flow to.
  public func assign(_ values: Tensor) throws {
    guard values.shape == value.shape else {
      throw LayerError("weight \(name) has shape \(describeShape(value.shape)), got \(describeShape(values.shape))")
    }
    guard values.storage !== value.storage else { return }
    value.storage.pointer.update(from: values.storage.pointer, count: value.count)
  }

  /// Resets the gradient to zeros (keeping its buffer).
  public func zeroGrad() {
    grad.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }
}

extension Tensor {
  /// Makes `buffer` a tensor of `shape` that no one else holds, reusing its storage when it
  /// already is: the training loop's workspaces, so a step allocates nothing after the first.
  @inlinable
  public static func prepare(_ buffer: inout Tensor, shape: [Int]) {
    if buffer.shape != shape || !isKnownUniquelyReferenced(&buffer.storageReference) {
      buffer = Tensor(uninitializedShape: shape)
    }
  }
}

extension Tensor {
  /// An empty tensor layers hold in place of a buffer they let go of (one shared storage, so
  /// releasing allocates nothing).
  static let released = Tensor.zeros([0])
}
