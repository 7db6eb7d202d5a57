import Tensors

/// The work the pooling layers share: max or average over windows of channels-last inputs
/// (height 1 for 1-D), each channel on its own, with Keras's padding (padding never wins a max
/// and is not counted in an average). Buffers are reused from step to step.
final class PoolingCore {
  enum Mode { case max, average }
  let mode: Mode
  /// Window height and width, and strides (height 1 for 1-D).
  let poolSize: (Int, Int)
  let strides: (Int, Int)
  let padding: Padding
  private(set) var geometry: ConvGeometry?

  private var inputShape: [Int] = []
  private var argmax: [Int32] = []
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])

  init(mode: Mode, poolSize: (Int, Int), strides: (Int, Int), padding: Padding) {
    self.mode = mode
    self.poolSize = poolSize
    self.strides = strides
    self.padding = padding
  }

  /// Returns the output's height and width for an input of `height x width x channels`.
  func build(name: String, height: Int, width: Int, channels: Int, describe: ([Int]) -> String) throws -> (Int, Int) {
    guard poolSize.0 <= height, poolSize.1 <= width else {
      throw LayerError("\(name): pool size \(describe([poolSize.0, poolSize.1])) is larger than its input \(describe([height, width])) (unpadded)")
    }
    guard let g = ConvGeometry(inH: height, inW: width, channels: channels, kh: poolSize.0, kw: poolSize.1,
                               strideH: strides.0, strideW: strides.1, same: padding == .same) else {
      throw LayerError("\(name): pool size \(describe([poolSize.0, poolSize.1])) does not fit its input \(describe([height, width]))")  // cannot happen: checked above
    }
    geometry = g
    return (g.outH, g.outW)
  }

  func forward(_ x: Tensor, name: String, inputShape: [Int], outputShape: [Int], training: Bool) throws -> Tensor {
    guard let g = geometry else { throw LayerError("\(name) is used before it is built") }
    guard x.rank == inputShape.count + 1, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape(inputShape)) per sample, got a batch of shape \(describeShape(x.shape))")
    }
    let n = x.shape[0]
    Tensor.prepare(&output, shape: [n] + outputShape)
    switch mode {
    case .max:
      if argmax.count != output.count { argmax = [Int32](repeating: 0, count: output.count) }
      argmax.withUnsafeMutableBufferPointer { a in
        Pool.maxForward(g, samples: n, x: x.storage.pointer, out: output.storage.pointer, argmax: a.baseAddress!)
      }
    case .average:
      Pool.averageForward(g, samples: n, x: x.storage.pointer, out: output.storage.pointer)
    }
    self.inputShape = training ? x.shape : []
    return output
  }

  func backward(_ gradOutput: Tensor, name: String, needsInputGradient: Bool) throws -> Tensor {
    guard let g = geometry else { throw LayerError("\(name) is used before it is built") }
    guard !inputShape.isEmpty, gradOutput.shape == output.shape else {
      throw LayerError("\(name): backward needs a forward pass in training mode first, and a gradient of shape \(describeShape(output.shape))")
    }
    defer { inputShape = [] }
    guard needsInputGradient else { return Tensor.released }
    let n = inputShape[0]
    Tensor.prepare(&gradInput, shape: inputShape)
    switch mode {
    case .max:
      argmax.withUnsafeBufferPointer { a in
        Pool.maxBackward(g, samples: n, dy: gradOutput.storage.pointer, argmax: a.baseAddress!, dx: gradInput.storage.pointer)
      }
    case .average:
      Pool.averageBackward(g, samples: n, dy: gradOutput.storage.pointer, dx: gradInput.storage.pointer)
    }
    return gradInput
  }

  func config(spatial: Int) -> [String: Any] {
    func list(_ p: (Int, Int)) -> [Int] { spatial == 1 ? [p.1] : [p.0, p.1] }
    return ["pool_size": list(poolSize), "strides": list(strides), "padding": padding.rawValue]
  }
}

extension PoolingCore {
  /// Checks the sizes of a pooling layer made in Swift (the script entries check their own).
  /// A core of the same options with buffers of its own (a shared layer's later application).
  func twin() -> PoolingCore { PoolingCore(mode: mode, poolSize: poolSize, strides: strides, padding: padding) }

  static func checked(_ kind: String, mode: Mode, poolSize: (Int, Int), strides: (Int, Int)?, padding: Padding) throws -> PoolingCore {
    let s = strides ?? poolSize
    guard poolSize.0 > 0, poolSize.1 > 0, s.0 > 0, s.1 > 0 else {
      throw LayerError("\(kind) needs a positive pool size and strides")
    }
    guard padding != .causal else { throw LayerError("\(kind): padding \"causal\" is for Conv1D only; expected \"valid\" or \"same\"") }
    return PoolingCore(mode: mode, poolSize: poolSize, strides: s, padding: padding)
  }

  /// Builds a 2-D pooling core's geometry from an image shape.
  func build2D(name: String, inputShape: [Int]) throws -> [Int] {
    guard inputShape.count == 3 else {
      throw LayerError("\(name) expects images [height, width, channels] per sample, got shape \(describeShape(inputShape))")
    }
    let (oh, ow) = try build(name: name, height: inputShape[0], width: inputShape[1], channels: inputShape[2],
                             describe: { "\($0[0])x\($0[1])" })
    return [oh, ow, inputShape[2]]
  }

  /// Builds a 1-D pooling core's geometry from a sequence shape.
  func build1D(name: String, inputShape: [Int]) throws -> [Int] {
    guard inputShape.count == 2 else {
      throw LayerError("\(name) expects sequences [steps, channels] per sample, got shape \(describeShape(inputShape))")
    }
    let (_, out) = try build(name: name, height: 1, width: inputShape[0], channels: inputShape[1], describe: { "\($0[1])" })
    return [out, inputShape[1]]
  }
}
