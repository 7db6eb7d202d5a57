import Catalog
import Tensors

extension Padding: ScriptEnum {}

/// Entries of the convolution and pooling layers, with their options as Keras spells them.
extension LayerLibrary {
  static var convolutionEntries: [Entry] {
    [Conv1D.entry, Conv2D.entry, MaxPooling1D.entry, MaxPooling2D.entry, AveragePooling1D.entry, AveragePooling2D.entry]
  }

  /// A size along the spatial axes: a number (the same on every axis) or a list of one per axis.
  static let sizeType = ValueType.either(.positiveInteger, .list(.positiveInteger))

  /// `v` (a number or a list of `axes` numbers) as a size per axis; `what` names the option.
  static func sizes(_ v: Value, axes: Int, _ what: String) throws -> [Int] {
    switch v {
    case .integer(let k): return Array(repeating: k, count: axes)
    case .list(let items) where items.count == axes:
      return try items.map {
        guard case .integer(let k) = $0 else { throw CatalogError("\(what) expects positive integers, got \($0.summary)") }
        return k
      }
    default:
      throw CatalogError("\(what) expects a positive integer or a list of \(axes), got \(v.summary)")
    }
  }

  static func pair(_ v: Value, _ what: String) throws -> (Int, Int) {
    let s = try sizes(v, axes: 2, what)
    return (s[0], s[1])
  }

  static func single(_ v: Value, _ what: String) throws -> Int { try sizes(v, axes: 1, what)[0] }

  /// A lone empty table (`nn.MaxPooling2D({})`) is an empty options table, not a pool size.
  static func poolSizeOrDefault(_ v: Value) -> Value {
    if case .list(let items) = v, items.isEmpty { return .integer(2) }
    return v
  }
}

/// The options Conv1D and Conv2D share, declared once: `axes` spatial axes (1 or 2), `kind` the
/// layer's name for errors, `paddings` the padding names it takes.
struct ConvolutionOptions {
  let kind: String
  let axes: Int
  let filters: Arg<Int>
  let kernelSize, strides, dilation: Arg<Value>
  let padding: Arg<Padding>
  let activation: Arg<Activation>
  let alpha: Arg<Float?>
  let useBias: Arg<Bool>
  let kernelInitializer, biasInitializer: Arg<Initializer>
  let rules: WeightRuleOptions
  let name: Arg<String>

  init(_ d: Declarer, kind: String, axes: Int, paddings: [Padding], sizeDoc: String, strideDoc: String, dilationDoc: String) {
    self.kind = kind
    self.axes = axes
    filters = d.parameter("filters", Int.self, "output channels", as: .positiveInteger)
    kernelSize = d.parameter("kernel_size", Value.self, sizeDoc, as: LayerLibrary.sizeType)
    strides = d.option("strides", Value.self, strideDoc, as: LayerLibrary.sizeType, default: .integer(1))
    let names = paddings.map { "\"\($0.rawValue)\"" }
    padding = d.option("padding", Padding.self, names.dropLast().joined(separator: ", ") + " or " + names.last!,  // cannot fail: two paddings or more
                       as: .oneOf(paddings.map(\.rawValue)), default: .valid)
    dilation = d.option("dilation_rate", Value.self, dilationDoc, as: LayerLibrary.sizeType, default: .integer(1))
    activation = d.option("activation", Activation.self, "activation applied to the output", default: .linear)
    alpha = d.option(LayerLibrary.alphaOption, Float?.self)
    useBias = d.option("use_bias", Bool.self, "add a bias per filter", default: true)
    kernelInitializer = d.option("kernel_initializer", Initializer.self, "how K starts", default: .glorot_uniform)
    biasInitializer = d.option("bias_initializer", Initializer.self, "how b starts", default: .zeros)
    rules = WeightRuleOptions(d)
    name = d.option(LayerLibrary.nameOption, String.self)
  }

  /// A size option as one number per axis (a pair; the first 1 for a 1-D layer).
  func sizes(_ a: Arguments, _ arg: Arg<Value>, _ what: String) throws -> (Int, Int) {
    let s = try LayerLibrary.sizes(a[arg], axes: axes, "\(kind) \(what)")
    return axes == 1 ? (1, s[0]) : (s[0], s[1])
  }

  /// The convolution's core, from the script's arguments.
  func core(_ a: Arguments) throws -> ConvolutionCore {
    try ConvolutionCore.checked(kind, filters: a[filters], kernelSize: sizes(a, kernelSize, "'kernel_size'"),
                                strides: sizes(a, strides, "option 'strides'"), dilation: sizes(a, dilation, "option 'dilation_rate'"),
                                padding: a[padding], activation: a[activation], alpha: a[alpha], useBias: a[useBias],
                                kernelInitializer: a[kernelInitializer], biasInitializer: a[biasInitializer], rules: try rules.read(a))
  }
}

extension Conv2D {
  static let entry = Entry(
    module: "nn", name: "Conv2D",
    summary: "2-D convolution over images [height, width, channels]: act(conv(x, K) + b), K stored [kh, kw, in, filters].",
    returns: [Returned(.object("Layer"), "the layer")],
    details: "Channels last, as Keras. \"valid\" keeps windows wholly inside the image; \"same\" outputs ceil(in / stride) positions, padding with zeros and putting the odd one at the bottom and right. A kernel larger than the image (unpadded) is an error when the model is built."
  ) { d in
    let o = ConvolutionOptions(d, kind: "Conv2D", axes: 2, paddings: [.valid, .same], sizeDoc: "kernel height and width: a number or {kh, kw}",
                               strideDoc: "step between windows: a number or {sh, sw}", dilationDoc: "spacing of the kernel's taps: a number or {dh, dw}")
    return LayerLibrary.layer { a in Conv2D(name: try a[o.name], core: try o.core(a)) }
  }
}

extension Conv1D {
  static let entry = Entry(
    module: "nn", name: "Conv1D",
    summary: "1-D convolution over sequences [steps, channels]: act(conv(x, K) + b), K stored [k, in, filters].",
    returns: [Returned(.object("Layer"), "the layer")],
    details: "Channels last, as Keras. \"valid\" keeps windows wholly inside the sequence; \"same\" outputs ceil(steps / stride) positions, padding with zeros and putting the odd one at the end; \"causal\" pads dilation_rate * (kernel_size - 1) zeros before the sequence only, so step t sees steps up to t and no later (ceil(steps / stride) positions). A kernel longer than the sequence (unpadded) is an error when the model is built."
  ) { d in
    let o = ConvolutionOptions(d, kind: "Conv1D", axes: 1, paddings: [.valid, .same, .causal], sizeDoc: "kernel length: a number or {k}",
                               strideDoc: "step between windows", dilationDoc: "spacing of the kernel's taps")
    return LayerLibrary.layer { a in Conv1D(name: try a[o.name], core: try o.core(a)) }
  }
}

extension LayerLibrary {
  /// The entry of a 2-D pooling layer.
  static func pooling2D(_ name: String, _ summary: String,
                        _ make: @escaping @Sendable ((Int, Int), (Int, Int)?, Padding, String) throws -> Layer) -> Entry {
    Entry(module: "nn", name: name, summary: summary, returns: [Returned(.object("Layer"), "the layer")],
          details: "Channels last, as Keras. \"same\" outputs ceil(in / stride) positions; padding never wins a max and is not counted in an average. A window larger than the image (unpadded) is an error when the model is built.") { d in
      let poolSize = d.parameter("pool_size", Value.self, "window height and width: a number or {ph, pw}", as: sizeType, default: .integer(2))
      let strides = d.option("strides", Value.self, "step between windows: a number or {sh, sw} (default: the pool size)", as: sizeType)
      let padding = d.option("padding", Padding.self, "\"valid\" or \"same\"", as: .oneOf(Padding.windowed), default: .valid)
      let layerName = d.option(nameOption, String.self)
      return layer { a in
        try make(pair(poolSizeOrDefault(a[poolSize]), "\(name) 'pool_size'"), try a[strides].map { try pair($0, "\(name) option 'strides'") },
                 a[padding], a[layerName])
      }
    }
  }

  /// The entry of a 1-D pooling layer.
  static func pooling1D(_ name: String, _ summary: String,
                        _ make: @escaping @Sendable (Int, Int?, Padding, String) throws -> Layer) -> Entry {
    Entry(module: "nn", name: name, summary: summary, returns: [Returned(.object("Layer"), "the layer")],
          details: "Channels last, as Keras. \"same\" outputs ceil(steps / stride) positions; padding never wins a max and is not counted in an average. A window longer than the sequence (unpadded) is an error when the model is built.") { d in
      let poolSize = d.parameter("pool_size", Value.self, "window length", as: sizeType, default: .integer(2))
      let strides = d.option("strides", Value.self, "step between windows (default: the pool size)", as: sizeType)
      let padding = d.option("padding", Padding.self, "\"valid\" or \"same\"", as: .oneOf(Padding.windowed), default: .valid)
      let layerName = d.option(nameOption, String.self)
      return layer { a in
        try make(single(poolSizeOrDefault(a[poolSize]), "\(name) 'pool_size'"), try a[strides].map { try single($0, "\(name) option 'strides'") },
                 a[padding], a[layerName])
      }
    }
  }
}

extension MaxPooling2D {
  static let entry = LayerLibrary.pooling2D("MaxPooling2D", "The largest value in each window of an image [height, width, channels], per channel.") {
    try MaxPooling2D(poolSize: $0, strides: $1, padding: $2, name: $3)
  }
}

extension AveragePooling2D {
  static let entry = LayerLibrary.pooling2D("AveragePooling2D", "The mean of each window of an image [height, width, channels], per channel.") {
    try AveragePooling2D(poolSize: $0, strides: $1, padding: $2, name: $3)
  }
}

extension MaxPooling1D {
  static let entry = LayerLibrary.pooling1D("MaxPooling1D", "The largest value in each window of a sequence [steps, channels], per channel.") {
    try MaxPooling1D(poolSize: $0, strides: $1, padding: $2, name: $3)
  }
}

extension AveragePooling1D {
  static let entry = LayerLibrary.pooling1D("AveragePooling1D", "The mean of each window of a sequence [steps, channels], per channel.") {
    try AveragePooling1D(poolSize: $0, strides: $1, padding: $2, name: $3)
  }
}
