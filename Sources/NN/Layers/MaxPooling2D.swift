import Tensors

/// The largest value in each `pool_size` window of
/// an image `[height, width, channels]`, each channel on its own; strides default to the pool size;
/// "valid" or "same" padding as Keras.
public final class MaxPooling2D: PoolingLayer {
  public static let kind = "MaxPooling2D"
  public var name: String
  public var needsInputGradient = true
  public private(set) var inputShape: [Int] = []
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  let core: PoolingCore

  public init(poolSize: (Int, Int) = (2, 2), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String = "") throws {
    self.name = name
    core = try PoolingCore.checked(Self.kind, mode: .max, poolSize: poolSize, strides: strides, padding: padding)
  }

  private init(name: String, core: PoolingCore) {
    self.name = name
    self.core = core
  }

  public func twin() throws -> Layer { MaxPooling2D(name: name, core: core.twin()) }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    outputShape = try core.build2D(name: name, inputShape: inputShape)
    self.inputShape = inputShape
    isBuilt = true
    return outputShape
  }

  public var config: [String: Any] { core.config(spatial: 2) }
}
