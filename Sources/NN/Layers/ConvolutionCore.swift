import Tensors

/// The work Conv1D and Conv2D share: a convolution over channels-last inputs as one GEMM
/// between the unrolled windows (`Im2col`) and the kernel, then bias and activation in one
/// pass as Dense does. A 1-D convolution is the case of height 1.
///
/// Backward: activation gradient, `dK = colsᵀ · dZ`, `db = Σ dZ`, and `dx = fold(dZ · Kᵀ)`.
/// The unrolled matrix is made once per batch and kept for backward; every buffer is reused
/// from step to step.
final class ConvolutionCore {
  let filters: Int
  /// Kernel height and width, strides and dilation (height 1 for 1-D).
  let kernelSize: (Int, Int)
  let strides: (Int, Int)
  let dilation: (Int, Int)
  let padding: Padding
  let activation: Activation
  let alpha: Float?
  let useBias: Bool
  let kernelInitializer: Initializer
  let biasInitializer: Initializer
  /// Regularizers and constraints of the kernel and bias, and of the output's activity.
  let rules: WeightRules
  let activity: ActivityPenalty?

  private(set) var geometry: ConvGeometry?
  private(set) var kernel: Weight?
  private(set) var bias: Weight?

  private var input = Tensor.zeros([0])
  private var cols = Tensor.zeros([0])
  private var preactivation = Tensor.zeros([0])
  private var output = Tensor.zeros([0])
  private var gradPre = Tensor.zeros([0])
  private var gradCols = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])
  private var biasGrad = Tensor.zeros([0])

  init(filters: Int, kernelSize: (Int, Int), strides: (Int, Int), dilation: (Int, Int), padding: Padding,
       activation: Activation, alpha: Float?, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
       rules: WeightRules = WeightRules()) {
    self.rules = rules
    self.activity = rules.activityRegularizer.map(ActivityPenalty.init)
    self.filters = filters
    self.kernelSize = kernelSize
    self.strides = strides
    self.dilation = dilation
    self.padding = padding
    self.activation = activation
    self.alpha = alpha
    self.useBias = useBias
    self.kernelInitializer = kernelInitializer
    self.biasInitializer = biasInitializer
  }

  /// A core checked as a layer made in Swift or a script is: positive sizes, and "causal"
  /// padding on a 1-D convolution only (height 1 kernels), as Keras.
  static func checked(_ kind: String, filters: Int, kernelSize: (Int, Int), strides: (Int, Int), dilation: (Int, Int), padding: Padding,
                      activation: Activation, alpha: Float?, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
                      rules: WeightRules) throws -> ConvolutionCore {
    guard filters > 0, kernelSize.0 > 0, kernelSize.1 > 0, strides.0 > 0, strides.1 > 0, dilation.0 > 0, dilation.1 > 0 else {
      throw LayerError("\(kind) needs positive filters, kernel size, strides and dilation")
    }
    guard padding != .causal || kind == "Conv1D" else {
      throw LayerError("\(kind): padding \"causal\" is for Conv1D only; expected \"valid\" or \"same\"")
    }
    return ConvolutionCore(filters: filters, kernelSize: kernelSize, strides: strides, dilation: dilation, padding: padding,
                           activation: activation, alpha: alpha, useBias: useBias,
                           kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, rules: rules)
  }

  /// A core of the same options holding the same kernel and bias (a shared layer's later
  /// application), with buffers of its own.
  func twin() -> ConvolutionCore {
    let t = ConvolutionCore(filters: filters, kernelSize: kernelSize, strides: strides, dilation: dilation, padding: padding,
                            activation: activation, alpha: alpha, useBias: useBias,
                            kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, rules: rules)
    t.kernel = kernel
    t.bias = bias
    return t
  }

  /// Makes the geometry for an input of `height x width x channels` and the parameters (the
  /// kernel stored `kernelShape`, Keras's order); returns the output's height and width.
  /// `describe` phrases a spatial size as the layer's kind does (`[steps]`, `[h, w]`).
  func build(name: String, height: Int, width: Int, channels: Int, kernelShape: [Int],
             describe: ([Int]) -> String, random: inout RandomStream) throws -> (Int, Int) {
    let (kh, kw) = kernelSize
    let spanH = (kh - 1) * dilation.0 + 1, spanW = (kw - 1) * dilation.1 + 1
    guard spanH <= height, spanW <= width else {
      let dilated = dilation == (1, 1) ? "" : " (spanning \(describe([spanH, spanW])) with dilation \(describe([dilation.0, dilation.1])))"
      throw LayerError("\(name): kernel \(describe([kh, kw]))\(dilated) is larger than its input \(describe([height, width])) (unpadded)")
    }
    guard var g = ConvGeometry(inH: height, inW: width, channels: channels, kh: kh, kw: kw, strideH: strides.0, strideW: strides.1,
                               dilationH: dilation.0, dilationW: dilation.1, same: padding != .valid) else {
      throw LayerError("\(name): kernel \(describe([kh, kw])) does not fit its input \(describe([height, width]))")  // cannot happen: checked above
    }
    // Causal: "same"'s output length, all the padding before the sequence.
    if padding == .causal { g.padLeft = spanW - 1 }
    if let k = kernel {
      guard k.value.shape == kernelShape else {
        throw LayerError("\(name) was built for a kernel \(describeShape(k.value.shape)), its input now needs \(describeShape(kernelShape))")
      }
      geometry = g
      return (g.outH, g.outW)
    }
    let patch = kh * kw * channels
    guard Tensor.elementCount([patch, filters]) != nil else {
      throw LayerError("\(name): a kernel of \(describeShape(kernelShape)) is too large (at most \(Tensor.maxElements) values)")
    }
    try MemoryBudget.reserve(shapes: [[patch, filters], [patch, filters], [filters, 2]], for: "building \(name) (\(describeShape(kernelShape)) kernel)")
    var r = random.derived("\(name)/kernel")
    // Keras's fans for a convolution: the receptive field times the channels in, and out.
    kernel = Weight(name: "\(name)/kernel", value: kernelInitializer.make(kernelShape, fanIn: patch, fanOut: kh * kw * filters, random: &r))
    if useBias {
      var rb = random.derived("\(name)/bias")
      bias = Weight(name: "\(name)/bias", value: biasInitializer.make([filters], fanIn: patch, fanOut: kh * kw * filters, random: &rb))
    }
    if let c = rules.kernelConstraint, let kernel { try c.check(kernel) }
    if let c = rules.biasConstraint, let bias { try c.check(bias) }
    geometry = g
    return (g.outH, g.outW)
  }

  var parameters: [Weight] { [kernel, bias].compactMap { $0 } }

  /// Unroll, GEMM, then bias and `applied` (the activation, or linear for logits). `x` is
  /// `[n] + inputShape`; the output is `[n] + outputShape`.
  func forward(_ x: Tensor, name: String, inputShape: [Int], outputShape: [Int], training: Bool, applying applied: Activation) throws -> Tensor {
    guard let kernel, let g = geometry else { throw LayerError("\(name) is used before it is built") }
    guard x.rank == inputShape.count + 1, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape(inputShape)) per sample, got a batch of shape \(describeShape(x.shape))")
    }
    let n = x.shape[0], rows = n * g.positions, patch = g.patch
    let shape = [n] + outputShape
    let a: UnsafePointer<Float>
    if g.isIdentity {
      a = UnsafePointer(x.storage.pointer)
    } else {
      if cols.shape != [rows, patch] {
        try MemoryBudget.reserve(floats: rows * patch, for: "\(name)'s unrolled windows (\(rows) x \(patch))")
      }
      Tensor.prepare(&cols, shape: [rows, patch])
      Im2col.unroll(g, samples: n, x: x.storage.pointer, cols: cols.storage.pointer)
      a = UnsafePointer(cols.storage.pointer)
    }
    input = x
    let keepsPreactivation = applied.backwardKeepsZ
    Tensor.prepare(&output, shape: shape)
    let z: UnsafeMutablePointer<Float>
    if keepsPreactivation {
      Tensor.prepare(&preactivation, shape: shape)
      z = preactivation.storage.pointer
    } else {
      z = output.storage.pointer
    }
    Gemm.sgemm(transposeA: false, transposeB: false, m: rows, n: filters, k: patch,
               a: a, lda: patch, b: kernel.value.storage.pointer, ldb: filters, beta: 0, c: z, ldc: filters)
    if keepsPreactivation {
      if let bias { Elementwise.biasActivation(.linear, z: z, bias: bias.value.storage.pointer, out: z, rows: rows, cols: filters) }
      Elementwise.biasActivation(applied, alpha: alpha, z: z, bias: nil, out: output.storage.pointer, rows: rows, cols: filters)
    } else {
      Elementwise.biasActivation(applied, alpha: alpha, z: z, bias: bias?.value.storage.pointer, out: z, rows: rows, cols: filters)
    }
    activity?.record(output, applied: applied, activation: activation, alpha: alpha)
    if !training {
      input = Tensor.released
    }
    return output
  }

  /// Backward through `applied`, the activation the matching forward applied.
  func backward(_ gradOutput: Tensor, name: String, accumulate: Bool, needsInputGradient: Bool, through applied: Activation) throws -> Tensor {
    let gradOutput = activity?.adding(to: gradOutput, output: output, applied: applied, activation: activation, alpha: alpha) ?? gradOutput
    guard let kernel, let g = geometry else { throw LayerError("\(name) is used before it is built") }
    let n = input.rank > 0 ? input.shape[0] : 0
    let rows = n * g.positions, patch = g.patch
    guard input.rank >= 2, gradOutput.shape == output.shape, gradOutput.count == rows * filters else {
      throw LayerError("\(name): backward needs a forward pass in training mode first, and a gradient of shape \(describeShape(output.shape))")
    }
    let dz = LinearBackward.activationGradient(applied, alpha: alpha, preactivation: preactivation, output: output, gradOutput: gradOutput,
                                               into: &gradPre, rows: rows, units: filters)
    let a = g.isIdentity ? UnsafePointer(input.storage.pointer) : UnsafePointer(cols.storage.pointer)
    LinearBackward.weightGradients(a: a, dz: dz, rows: rows, inputs: patch, units: filters, kernel: kernel, bias: bias,
                                   accumulate: accumulate, scratch: &biasGrad)
    defer { input = Tensor.released }
    guard needsInputGradient else { return Tensor.released }
    // dx = fold(dZ · Kᵀ)
    Tensor.prepare(&gradInput, shape: input.shape)
    if g.isIdentity {
      LinearBackward.inputGradient(dz: dz, kernel: kernel, rows: rows, inputs: patch, units: filters, into: gradInput.storage.pointer)
      return gradInput
    }
    if gradCols.shape != [rows, patch] {
      try MemoryBudget.reserve(floats: rows * patch, for: "\(name)'s window gradients (\(rows) x \(patch))")
    }
    Tensor.prepare(&gradCols, shape: [rows, patch])
    LinearBackward.inputGradient(dz: dz, kernel: kernel, rows: rows, inputs: patch, units: filters, into: gradCols.storage.pointer)
    Im2col.fold(g, samples: n, cols: gradCols.storage.pointer, dx: gradInput.storage.pointer)
    return gradInput
  }

  /// The options shared by Conv1D and Conv2D, as Keras spells them (sizes as lists).
  func config(spatial: Int) -> [String: Any] {
    func list(_ p: (Int, Int)) -> [Int] { spatial == 1 ? [p.1] : [p.0, p.1] }
    var c: [String: Any] = ["filters": filters, "kernel_size": list(kernelSize), "strides": list(strides),
                            "padding": padding.rawValue, "dilation_rate": list(dilation), "activation": activation.rawValue,
                            "use_bias": useBias, "kernel_initializer": kernelInitializer.configValue,
                            "bias_initializer": biasInitializer.configValue]
    if let alpha { c["alpha"] = Double(alpha) }
    c.merge(rules.config) { a, _ in a }
    return c
  }
}
