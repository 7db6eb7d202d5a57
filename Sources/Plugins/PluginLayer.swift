import Catalog
import CrescentPluginABI
import NN
import Tensors

/// A plugin's stateless elementwise layer: forward(x → y) and backward(x, dy → dx) callbacks
/// over n x d buffers; the output has the input's width.
final class PluginLayer: Layer {
  static let kind = "Plugin"
  let layerName: String
  let forwardCallback: crescent_forward_fn
  let backwardCallback: crescent_backward_fn
  let user: UnsafeMutableRawPointer?
  var name: String
  var needsInputGradient = true
  private(set) var outputShape: [Int] = []
  private(set) var isBuilt = false
  private var input: Tensor?

  init(name layerName: String, forward: @escaping crescent_forward_fn, backward: @escaping crescent_backward_fn,
       user: UnsafeMutableRawPointer?, name: String) {
    self.layerName = layerName
    self.forwardCallback = forward
    self.backwardCallback = backward
    self.user = user
    self.name = name
  }

  /// The plugin ABI passes n x d buffers: vectors of features only.
  func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard inputShape.count == 1 else {
      throw LayerError("\(name) (\(layerName)) takes vectors of features, got inputs of shape \(describeShape(inputShape)) per sample; add nn.Flatten() before it")
    }
    outputShape = inputShape
    isBuilt = true
    return inputShape
  }

  var parameters: [Weight] { [] }

  func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard x.rank == 2 else { throw LayerError("\(name) expects a matrix, got shape \(describeShape(x.shape))") }
    let y = Tensor(uninitializedShape: x.shape)
    try run { call in forwardCallback(call, x.storage.pointer, y.storage.pointer, CLong(x.shape[0]), CLong(x.shape[1]), user) }
    input = training ? x : nil
    return y
  }

  func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard let x = input, gradOutput.shape == x.shape else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    let dx = Tensor(uninitializedShape: x.shape)
    try run { call in
      backwardCallback(call, x.storage.pointer, gradOutput.storage.pointer, dx.storage.pointer,
                       CLong(x.shape[0]), CLong(x.shape[1]), user)
    }
    input = nil
    return dx
  }

  private func run(_ body: (OpaquePointer) -> Int32) throws {
    do { _ = try PluginCall.run(body) } catch let e as PluginFailure { throw LayerError("\(name) (\(layerName)): \(e.message)") }
  }

  var config: [String: Any] { ["plugin_layer": layerName] }
  var entryName: String { layerName }
}
