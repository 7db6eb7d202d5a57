import Tensors

/// Dropout of whole channels, as Keras's SpatialDropout1D/2D: in training each (sample,
/// channel) pair is kept with probability 1 − rate and scaled by 1/(1 − rate), the same for
/// every step (1-D: `[n, steps, ch]`) or position (2-D: `[n, h, w, ch]`); at inference it
/// passes values through. One draw per sample and channel, sample by sample, from the layer's
/// own stream (seeded and checkpointed as Dropout's).
public class SpatialDropout: Layer {
  public class var kind: String { "SpatialDropout" }
  public var name: String
  public let rate: Float
  /// Axes sharing one draw: 1 (steps) or 2 (height, width).
  public let spatialRank: Int
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var random = RandomStream(seed: 0)
  /// Per sample and channel: the scale (0 or 1/(1 − rate)).
  private var keep = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])
  private var batch = 0

  init(rate: Float, spatialRank: Int, name: String) {
    self.rate = rate
    self.spatialRank = spatialRank
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard inputShape.count == spatialRank + 1 else {
      let expected = spatialRank == 1 ? "[steps, channels]" : "[height, width, channels]"
      throw LayerError("\(name) expects inputs of shape \(expected) per sample, got \(describeShape(inputShape))")
    }
    outputShape = inputShape
    isBuilt = true
    self.random = random.derived("\(name)/mask")
    return inputShape
  }

  public func seed(_ stream: RandomStream) { random = stream.derived("\(name)/mask") }

  public var randomStream: RandomStream? { random }

  public func restoreRandomStream(_ stream: RandomStream) { random = stream }

  public var parameters: [Weight] { [] }

  /// The scales of the last training forward, [n, channels] (for tests).
  public var channelScales: Tensor { keep }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard training, rate > 0 else { return x }
    guard isBuilt, x.rank == spatialRank + 2, Array(x.shape.dropFirst()) == outputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape([-1] + outputShape)), got \(describeShape(x.shape))")
    }
    let n = x.shape[0], ch = outputShape[spatialRank], steps = x.count / max(n * ch, 1)
    batch = n
    Tensor.prepare(&keep, shape: [n, ch])
    Tensor.prepare(&output, shape: x.shape)
    let k = keep.storage.pointer, o = output.storage.pointer, p = x.storage.pointer
    let kept = 1 - rate, scale = 1 / kept
    for i in 0..<(n * ch) { k[i] = random.uniform() < kept ? scale : 0 }
    for s in 0..<n {
      for t in 0..<steps {
        let base = (s * steps + t) * ch
        for c in 0..<ch { o[base + c] = p[base + c] * k[s * ch + c] }
      }
    }
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard rate > 0 else { return gradOutput }
    guard gradOutput.rank == spatialRank + 2, gradOutput.shape[0] == batch, keep.shape == [batch, outputShape[spatialRank]] else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    guard needsInputGradient else { return Tensor.released }
    let n = batch, ch = outputShape[spatialRank], steps = gradOutput.count / max(n * ch, 1)
    Tensor.prepare(&gradInput, shape: gradOutput.shape)
    let k = keep.storage.pointer, g = gradInput.storage.pointer, d = gradOutput.storage.pointer
    for s in 0..<n {
      for t in 0..<steps {
        let base = (s * steps + t) * ch
        for c in 0..<ch { g[base + c] = d[base + c] * k[s * ch + c] }
      }
    }
    return gradInput
  }

  public var config: [String: Any] { ["rate": Double(rate)] }
}
