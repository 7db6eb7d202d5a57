import Tensors

/// A fully connected layer: `act(x · W + b)`, with W stored [inputs, units]. On inputs of
/// higher rank it applies to the last axis (every step of a sequence), as Keras's.
///
/// One fused step each way: GEMM, then bias and activation in one pass forward; activation
/// gradient, `dW = xᵀ·dZ`, `db = Σ dZ` and `dx = dZ·Wᵀ` backward. Buffers are reused from
/// step to step.
public final class Dense: Layer, Regularized, TrainableFlag {
  public static let kind = "Dense"
  public var name: String
  public let units: Int
  public let activation: Activation
  public let alpha: Float?
  public let useBias: Bool
  public let kernelInitializer: Initializer
  public let biasInitializer: Initializer
  /// The input features it was made for (`input_dim`); building it for others is an error.
  public let declaredInputSize: Int?
  public private(set) var inputSize = 0
  public private(set) var outputShape: [Int] = []
  public private(set) var kernel: Weight?
  public private(set) var bias: Weight?
  public var needsInputGradient = true
  /// Its regularizers and constraints.
  public let rules: WeightRules
  /// Whether its weights train (kept for weights built later).
  public var trainableFlag = true
  private let activity: ActivityPenalty?

  private var input = Tensor.zeros([0])
  private var preactivation = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradPre = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])
  private var biasGrad = Tensor.zeros([0])

  public init(units: Int, activation: Activation = .linear, alpha: Float? = nil, useBias: Bool = true,
              kernelInitializer: Initializer = .glorot_uniform, biasInitializer: Initializer = .zeros,
              inputSize: Int? = nil, rules: WeightRules = WeightRules(), name: String = "") {
    self.units = units
    self.rules = rules
    self.activity = rules.activityRegularizer.map(ActivityPenalty.init)
    self.activation = activation
    self.alpha = alpha
    self.useBias = useBias
    self.kernelInitializer = kernelInitializer
    self.biasInitializer = biasInitializer
    self.name = name
    self.declaredInputSize = inputSize
  }

  public var isBuilt: Bool { kernel != nil }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard let inputSize = inputShape.last else { throw LayerError("\(name) needs inputs with a features axis, got a scalar per sample") }
    if let declared = declaredInputSize, declared != inputSize {
      throw LayerError("\(name) was declared with input_dim \(declared), but its input has \(inputSize) features")
    }
    let shape = Array(inputShape.dropLast()) + [units]
    if let k = kernel {
      guard k.value.shape[0] == inputSize else {
        throw LayerError("\(name) was built for \(k.value.shape[0]) inputs, got \(inputSize)")
      }
      outputShape = shape
      return shape
    }
    guard Tensor.elementCount([inputSize, units]) != nil else {
      throw LayerError("\(name): a kernel of \(inputSize) inputs x \(units) units is too large (at most \(Tensor.maxElements) values)")
    }
    // The kernel and the bias, with their gradients.
    try MemoryBudget.reserve(shapes: [[inputSize, units], [inputSize, units], [units, 2]], for: "building \(name) (\(inputSize)x\(units) weights)")
    self.inputSize = inputSize
    var r = random.derived("\(name)/kernel")
    kernel = Weight(name: "\(name)/kernel", value: kernelInitializer.make([inputSize, units], fanIn: inputSize, fanOut: units, random: &r))
    if useBias {
      var rb = random.derived("\(name)/bias")
      bias = Weight(name: "\(name)/bias", value: biasInitializer.make([units], fanIn: inputSize, fanOut: units, random: &rb))
    }
    for w in parameters { w.trainable = trainableFlag }
    if let c = rules.kernelConstraint, let kernel { try c.check(kernel) }
    if let c = rules.biasConstraint, let bias { try c.check(bias) }
    outputShape = shape
    return shape
  }

  public var parameters: [Weight] { [kernel, bias].compactMap { $0 } }
  public var ruledKernel: Weight? { kernel }
  public var ruledBias: Weight? { bias }
  public var activityPenalty: Double { activity?.value ?? 0 }

  /// Whether backward through `applied` needs the pre-activation kept (y alone is exact for
  /// the others).
  private static func keepsPreactivation(_ applied: Activation) -> Bool { applied.backwardKeepsZ }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try forward(x, training: training, applying: activation)
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    try backward(gradOutput, accumulate: accumulate, through: activation)
  }

  /// Forward without the activation: the logits a fused output head hands its loss.
  public func forwardLogits(_ x: Tensor, training: Bool) throws -> Tensor {
    try forward(x, training: training, applying: .linear)
  }

  /// Backward from the gradient with respect to the logits.
  public func backwardFromLogits(_ gradLogits: Tensor, accumulate: Bool) throws -> Tensor {
    try backward(gradLogits, accumulate: accumulate, through: .linear)
  }

  /// GEMM, then bias and `applied` (the layer's activation, or linear for logits).
  private func forward(_ x: Tensor, training: Bool, applying applied: Activation) throws -> Tensor {
    let keepsPreactivation = Self.keepsPreactivation(applied)
    guard let kernel else { throw LayerError("\(name) is used before it is built") }
    guard x.rank >= 2, x.shape.last == inputSize else {
      throw LayerError("\(name) expects inputs of \(inputSize) features, got shape \(describeShape(x.shape))")
    }
    // Rows: every position before the features axis.
    let n = x.count / inputSize
    let shape = Array(x.shape.dropLast()) + [units]
    input = x
    Tensor.prepare(&output, shape: shape)
    let z: UnsafeMutablePointer<Float>
    if keepsPreactivation {
      Tensor.prepare(&preactivation, shape: shape)
      z = preactivation.storage.pointer
    } else {
      z = output.storage.pointer
    }
    Gemm.sgemm(transposeA: false, transposeB: false, m: n, n: units, k: inputSize,
               a: x.storage.pointer, lda: inputSize, b: kernel.value.storage.pointer, ldb: units,
               beta: 0, c: z, ldc: units)
    if keepsPreactivation {
      if let bias { Elementwise.biasActivation(.linear, z: z, bias: bias.value.storage.pointer, out: z, rows: n, cols: units) }
      Elementwise.biasActivation(applied, alpha: alpha, z: z, bias: nil, out: output.storage.pointer, rows: n, cols: units)
    } else {
      Elementwise.biasActivation(applied, alpha: alpha, z: z, bias: bias?.value.storage.pointer, out: z, rows: n, cols: units)
    }
    activity?.record(output, applied: applied, activation: activation, alpha: alpha)
    if !training { input = Tensor.released }
    return output
  }

  /// Backward through `applied`, the activation the matching forward applied.
  private func backward(_ gradOutput: Tensor, accumulate: Bool, through applied: Activation) throws -> Tensor {
    let gradOutput = activity?.adding(to: gradOutput, output: output, applied: applied, activation: activation, alpha: alpha) ?? gradOutput
    guard let kernel else { throw LayerError("\(name) is used before it is built") }
    let n = input.count / max(inputSize, 1)
    guard input.rank >= 2, gradOutput.shape == Array(input.shape.dropLast()) + [units] else {
      throw LayerError("\(name): backward needs a forward pass in training mode first, and a gradient of shape \(describeShape(Array(input.shape.dropLast()) + [units]))")
    }
    let dz = LinearBackward.activationGradient(applied, alpha: alpha, preactivation: preactivation, output: output, gradOutput: gradOutput,
                                               into: &gradPre, rows: n, units: units)
    LinearBackward.weightGradients(a: UnsafePointer(input.storage.pointer), dz: dz, rows: n, inputs: inputSize, units: units,
                                   kernel: kernel, bias: bias, accumulate: accumulate, scratch: &biasGrad)
    defer { input = Tensor.released }
    guard needsInputGradient else { return Tensor.released }
    // dx = dZ · Wᵀ
    Tensor.prepare(&gradInput, shape: input.shape)
    LinearBackward.inputGradient(dz: dz, kernel: kernel, rows: n, inputs: inputSize, units: units, into: gradInput.storage.pointer)
    return gradInput
  }

  public var config: [String: Any] {
    var c: [String: Any] = ["units": units, "activation": activation.rawValue, "use_bias": useBias,
                            "kernel_initializer": kernelInitializer.configValue, "bias_initializer": biasInitializer.configValue]
    if let alpha { c["alpha"] = Double(alpha) }
    c.merge(rules.config) { a, _ in a }
    return c
  }
}

extension Dense {
  /// The same layer on the same kernel and bias, with buffers of its own (a shared Dense).
  public func twin() throws -> Layer {
    let t = Dense(units: units, activation: activation, alpha: alpha, useBias: useBias, kernelInitializer: kernelInitializer,
                  biasInitializer: biasInitializer, inputSize: declaredInputSize, name: name)
    t.kernel = kernel
    t.bias = bias
    t.inputSize = inputSize
    t.outputShape = outputShape
    return t
  }
}
