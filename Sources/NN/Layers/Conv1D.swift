import Tensors

/// A 1-D convolution over sequences `[steps, channels]` (channels last, as Keras): `filters`
/// kernels of `kernel_size` steps, stored `[k, in, out]`, with strides, dilation and "valid",
/// "same" or "causal" padding, then bias and activation. Output `[outSteps, filters]`.
public final class Conv1D: ConvolutionLayer {
  public static let kind = "Conv1D"
  public var name: String
  public var needsInputGradient = true
  public private(set) var inputShape: [Int] = []
  public private(set) var outputShape: [Int] = []
  let core: ConvolutionCore

  public init(filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid, dilation: Int = 1,
              activation: Activation = .linear, alpha: Float? = nil, useBias: Bool = true,
              kernelInitializer: Initializer = .glorot_uniform, biasInitializer: Initializer = .zeros,
              rules: WeightRules = WeightRules(), name: String = "") throws {
    self.name = name
    core = try ConvolutionCore.checked("Conv1D", filters: filters, kernelSize: (1, kernelSize), strides: (1, strides), dilation: (1, dilation),
                                       padding: padding, activation: activation, alpha: alpha, useBias: useBias,
                                       kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, rules: rules)
  }

  init(name: String, core: ConvolutionCore) {
    self.name = name
    self.core = core
  }

  /// A later application of this layer: the same kernel and bias, buffers of its own.
  public func twin() throws -> Layer { Conv1D(name: name, core: core.twin()) }

  public var filters: Int { core.filters }
  public var kernel: Weight? { core.kernel }
  public var bias: Weight? { core.bias }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard inputShape.count == 2 else {
      throw LayerError("\(name) expects sequences [steps, channels] per sample, got shape \(describeShape(inputShape))")
    }
    let (steps, c) = (inputShape[0], inputShape[1])
    let (_, out) = try core.build(name: name, height: 1, width: steps, channels: c,
                                  kernelShape: [core.kernelSize.1, c, core.filters],
                                  describe: { "\($0[1])" }, random: &random)
    self.inputShape = inputShape
    outputShape = [out, core.filters]
    return outputShape
  }

  public var config: [String: Any] { core.config(spatial: 1) }
}
