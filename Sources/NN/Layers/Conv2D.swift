import Tensors

/// A 2-D convolution over images `[height, width, channels]` (channels last, as Keras):
/// `filters` kernels of `kh x kw`, stored `[kh, kw, in, out]`, with strides, dilation and
/// "valid" or "same" padding, then bias and activation. Output `[outH, outW, filters]`.
public final class Conv2D: ConvolutionLayer {
  public static let kind = "Conv2D"
  public var name: String
  public var needsInputGradient = true
  public private(set) var inputShape: [Int] = []
  public private(set) var outputShape: [Int] = []
  let core: ConvolutionCore

  public init(filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1), padding: Padding = .valid,
              dilation: (Int, Int) = (1, 1), activation: Activation = .linear, alpha: Float? = nil, useBias: Bool = true,
              kernelInitializer: Initializer = .glorot_uniform, biasInitializer: Initializer = .zeros,
              rules: WeightRules = WeightRules(), name: String = "") throws {
    self.name = name
    core = try ConvolutionCore.checked("Conv2D", filters: filters, kernelSize: kernelSize, strides: strides, dilation: dilation,
                                       padding: padding, activation: activation, alpha: alpha, useBias: useBias,
                                       kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, rules: rules)
  }

  init(name: String, core: ConvolutionCore) {
    self.name = name
    self.core = core
  }

  /// A later application of this layer: the same kernel and bias, buffers of its own.
  public func twin() throws -> Layer { Conv2D(name: name, core: core.twin()) }

  public var filters: Int { core.filters }
  public var kernel: Weight? { core.kernel }
  public var bias: Weight? { core.bias }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard inputShape.count == 3 else {
      throw LayerError("\(name) expects images [height, width, channels] per sample, got shape \(describeShape(inputShape))")
    }
    let (h, w, c) = (inputShape[0], inputShape[1], inputShape[2])
    let (oh, ow) = try core.build(name: name, height: h, width: w, channels: c,
                                  kernelShape: [core.kernelSize.0, core.kernelSize.1, c, core.filters],
                                  describe: { "\($0[0])x\($0[1])" }, random: &random)
    self.inputShape = inputShape
    outputShape = [oh, ow, core.filters]
    return outputShape
  }

  public var config: [String: Any] { core.config(spatial: 2) }
}
