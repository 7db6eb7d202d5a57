import Tensors

/// What the four window-pooling layers share, as `GlobalPooling` does for the global ones: the
/// core (max or average, its sizes and padding), the build for sequences `[steps, channels]`
/// (rank 1) or images `[height, width, channels]` (rank 2), forward, backward, config and twin.
/// Each kind is its name and the core it makes.
public class Pooling: Layer {
  public class var kind: String { "Pooling" }
  public var name: String
  public var needsInputGradient = true
  /// Axes pooled over: 1 (steps) or 2 (height, width).
  public let spatialRank: Int
  public private(set) var inputShape: [Int] = []
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  let core: PoolingCore

  required init(core: PoolingCore, spatialRank: Int, name: String) {
    self.core = core
    self.spatialRank = spatialRank
    self.name = name
  }

  /// A later application of this layer: the same options, buffers of its own.
  public func twin() throws -> Layer { type(of: self).init(core: core.twin(), spatialRank: spatialRank, name: name) }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    outputShape = spatialRank == 1 ? try core.build1D(name: name, inputShape: inputShape) : try core.build2D(name: name, inputShape: inputShape)
    self.inputShape = inputShape
    isBuilt = true
    return outputShape
  }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try core.forward(x, name: name, inputShape: inputShape, outputShape: outputShape, training: training)
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    try core.backward(gradOutput, name: name, needsInputGradient: needsInputGradient)
  }

  public var config: [String: Any] { core.config(spatial: spatialRank) }
}
