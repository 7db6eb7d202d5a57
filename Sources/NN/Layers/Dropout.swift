import Tensors

/// Inverted dropout: in training each value is zeroed with probability `rate` and the rest
/// scaled by 1/(1-rate); at inference it passes values through.
public final class Dropout: Layer {
  public static let kind = "Dropout"
  public var name: String
  public let rate: Float
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var random = RandomStream(seed: 0)
  private var mask = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])

  public init(rate: Float, name: String = "") {
    self.rate = rate
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    outputShape = inputShape
    isBuilt = true
    self.random = random.derived("\(name)/mask")
    return inputShape
  }

  public func seed(_ stream: RandomStream) { random = stream.derived("\(name)/mask") }

  public var randomStream: RandomStream? { random }

  public func restoreRandomStream(_ stream: RandomStream) { random = stream }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard training, rate > 0 else { return x }
    Tensor.prepare(&mask, shape: x.shape)
    Tensor.prepare(&output, shape: x.shape)
    let keep = 1 - rate, scale = 1 / keep
    let m = mask.storage.pointer, o = output.storage.pointer, p = x.storage.pointer
    for i in 0..<x.count {
      m[i] = random.uniform() < keep ? scale : 0
      o[i] = p[i] * m[i]
    }
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard rate > 0 else { return gradOutput }
    guard gradOutput.shape == mask.shape else { throw LayerError("\(name): backward needs a training forward pass first") }
    Tensor.prepare(&gradInput, shape: gradOutput.shape)
    let m = mask.storage.pointer, g = gradInput.storage.pointer, d = gradOutput.storage.pointer
    for i in 0..<gradOutput.count { g[i] = d[i] * m[i] }
    return gradInput
  }

  public var config: [String: Any] { ["rate": Double(rate)] }
}
