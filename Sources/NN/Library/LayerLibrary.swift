import Catalog
import Tensors

/// The `nn` module's layer constructors: one entry per layer type. A new layer is its file
/// plus one line in `entries`.
enum LayerLibrary {
  static var entries: [Entry] {
    [Dense.entry, Dropout.entry, GaussianNoise.entry, ActivationLayer.entry, BatchNormalization.entry, LayerNormalization.entry, ScriptLayer.entry,
     Add.entry, Subtract.entry, Multiply.entry, Average.entry, Maximum.entry, Concatenate.entry,
     Embedding.entry, GlobalAveragePooling1D.entry, GlobalMaxPooling1D.entry, GlobalAveragePooling2D.entry, GlobalMaxPooling2D.entry,
     Flatten.entry, Reshape.entry, SpatialDropout1D.entry, SpatialDropout2D.entry]
      + convolutionEntries
  }

  static func layer(_ make: @escaping @Sendable (Arguments) throws -> Layer) -> @Sendable (Arguments) throws -> [Value] {
    { args in [.object(LayerObject(try make(args)))] }
  }

  static let nameOption = Parameter("name", .string, "the layer's name (default: kind and a number, e.g. dense_1)", default: .string(""))
  /// "slope of leaky_relu (0.01) or scale of elu (1.0)": every activation that takes an alpha.
  static let alphaOption = Parameter(
    "alpha", .number,
    Activation.allCases.compactMap { a in a.alphaRole.map { "\($0) of \(a.rawValue) (\(a.defaultAlpha))" } }.joined(separator: " or "),
    optional: true)
}


extension Dense {
  static let entry = Entry(
    module: "nn", name: "Dense", summary: "Fully connected layer: act(x·W + b), W stored [inputs, units].",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let units = d.parameter("units", Int.self, "output features", as: .positiveInteger)
    let activation = d.option("activation", Activation.self, "activation applied to the output", default: .linear)
    let alpha = d.option(LayerLibrary.alphaOption, Float?.self)
    let useBias = d.option("use_bias", Bool.self, "add a bias vector", default: true)
    let kernelInitializer = Initializer.option(d, "kernel_initializer", "how W starts", default: .glorot_uniform)
    let biasInitializer = Initializer.option(d, "bias_initializer", "how b starts", default: .zeros)
    let rules = WeightRuleOptions(d)
    let inputDim = d.option("input_dim", Int.self, "input features (first layer only)", as: .positiveInteger)
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in
      try Dense(units: a[units], activation: a[activation], alpha: a[alpha], useBias: a[useBias],
                kernelInitializer: try Initializer.parse(a[kernelInitializer], "kernel_initializer"),
                biasInitializer: try Initializer.parse(a[biasInitializer], "bias_initializer"), inputSize: a[inputDim],
                rules: try rules.read(a), name: a[name])
    }
  }
}

extension Dropout {
  static let entry = Entry(
    module: "nn", name: "Dropout", summary: "Zeroes each value with probability rate in training (scaling the rest by 1/(1-rate)).",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let rate = d.parameter("rate", Float.self, "fraction of values dropped", as: .numberIn(0, 0.999))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try Dropout(rate: a[rate], name: a[name]) }
  }
}

extension ActivationLayer {
  static let entry = Entry(
    module: "nn", name: "Activation", summary: "An activation as a layer of its own.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let activation = d.parameter("activation", Activation.self, "the activation")
    let alpha = d.option(LayerLibrary.alphaOption, Float?.self)
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try ActivationLayer(a[activation], alpha: a[alpha], name: a[name]) }
  }
}

extension BatchNormalization {
  static let entry = Entry(
    module: "nn", name: "BatchNormalization", summary: "Normalises each feature over the batch (moving statistics at inference), as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let momentum = d.option("momentum", Float.self, "moving-average momentum", as: .numberIn(0, 1), default: 0.99)
    let epsilon = d.option("epsilon", Float.self, "added to the variance", default: 1e-3)
    let center = d.option("center", Bool.self, "learn a shift beta", default: true)
    let scale = d.option("scale", Bool.self, "learn a scale gamma", default: true)
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in
      try BatchNormalization(momentum: a[momentum], epsilon: a[epsilon], center: a[center], scale: a[scale], name: a[name])
    }
  }
}

extension LayerNormalization {
  static let entry = Entry(
    module: "nn", name: "LayerNormalization", summary: "Normalises each sample over its features, as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let epsilon = d.option("epsilon", Float.self, "added to the variance", default: 1e-3)
    let center = d.option("center", Bool.self, "learn a shift beta", default: true)
    let scale = d.option("scale", Bool.self, "learn a scale gamma", default: true)
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in
      try LayerNormalization(epsilon: a[epsilon], center: a[center], scale: a[scale], name: a[name])
    }
  }
}

extension ScriptLayer {
  static let entry = Entry(
    module: "nn", name: "Custom",
    summary: "A layer written in Lua: `nn.Custom{forward = function(self, x) return x:matmul(self.parameters.w) end, parameters = {w = tensor.randn(4, 2):requires_grad()}}`; autodiff gives its backward.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let forward = d.requiredOption("forward", Value.self, "function(self, x) returning a tensor with one row per row of x", as: .function)
    let parameters = d.option("parameters", Value.self, "tensors to train, made with :requires_grad() (a list or a table of named tensors)", default: .list([]))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in
      guard case .function(let f) = try a[forward] else { throw CatalogError("option 'forward' is required: a function(self, x)") }
      var params: [(String, Tensor)] = []
      let given = try a[parameters]
      switch given {
      case .list(let items):
        for (k, v) in items.enumerated() {
          guard case .tensor(let t) = v else { throw CatalogError("option 'parameters' item \(k + 1) is \(v.summary), not a tensor") }
          params.append(("p\(k + 1)", t))
        }
      case .table(let fields):
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
          guard case .tensor(let t) = v else { throw CatalogError("option 'parameters' field '\(k)' is \(v.summary), not a tensor") }
          params.append((k, t))
        }
      default: throw CatalogError("option 'parameters' expects a list or a table of tensors")
      }
      let layerName = try a[name]
      let table = Value.table([("parameters", given), ("name", .string(layerName))])
      return try ScriptLayer(forward: f, table: table, parameters: params, name: layerName)
    }
  }
}
