import Catalog
import Tensors

/// The `nn` module's layer constructors: one entry per layer type. A new layer is its file
/// plus one line in `entries`.
enum LayerLibrary {
  static var entries: [Entry] {
    [Dense.entry, Dropout.entry, ActivationLayer.entry, BatchNormalization.entry, LayerNormalization.entry, ScriptLayer.entry]
  }

  static func layer(_ make: @escaping @Sendable (Arguments) throws -> Layer) -> @Sendable (Arguments) throws -> [Value] {
    { args in [.object(try make(args))] }
  }

  static let nameOption = Parameter("name", .string, "the layer's name (default: kind and a number, e.g. dense_1)", default: .string(""))
  static let activationType = ValueType.oneOf(Activation.allCases.map(\.rawValue))
  static let initializerType = ValueType.oneOf(Initializer.allCases.map(\.rawValue))
}

extension Dense {
  static let entry = Entry(
    module: "nn", name: "Dense", summary: "Fully connected layer: act(x·W + b), W stored [inputs, units].",
    parameters: [Parameter("units", .positiveInteger, "output features")],
    options: [Parameter("activation", LayerLibrary.activationType, "activation applied to the output", default: .string("linear")),
              Parameter("alpha", .number, "slope of leaky_relu (0.01) or scale of elu (1.0)", optional: true),
              Parameter("use_bias", .bool, "add a bias vector", default: .bool(true)),
              Parameter("kernel_initializer", LayerLibrary.initializerType, "how W starts", default: .string("glorot_uniform")),
              Parameter("bias_initializer", LayerLibrary.initializerType, "how b starts", default: .string("zeros")),
              Parameter("input_dim", .positiveInteger, "input features (first layer only)", optional: true),
              LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in
      Dense(units: a.int("units"), activation: Activation(rawValue: a.string("activation"))!, alpha: a.optionalDouble("alpha").map(Float.init),
            useBias: a.bool("use_bias"), kernelInitializer: Initializer(rawValue: a.string("kernel_initializer"))!,
            biasInitializer: Initializer(rawValue: a.string("bias_initializer"))!, inputSize: a.optionalInt("input_dim"),
            name: a.string("name"))
    })
}

extension Dropout {
  static let entry = Entry(
    module: "nn", name: "Dropout", summary: "Zeroes each value with probability rate in training (scaling the rest by 1/(1-rate)).",
    parameters: [Parameter("rate", .numberIn(0, 0.999), "fraction of values dropped")],
    options: [LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in Dropout(rate: a.float("rate"), name: a.string("name")) })
}

extension ActivationLayer {
  static let entry = Entry(
    module: "nn", name: "Activation", summary: "An activation as a layer of its own.",
    parameters: [Parameter("activation", LayerLibrary.activationType, "the activation")],
    options: [Parameter("alpha", .number, "slope of leaky_relu or scale of elu", optional: true), LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in
      ActivationLayer(Activation(rawValue: a.string("activation"))!, alpha: a.optionalDouble("alpha").map(Float.init), name: a.string("name"))
    })
}

extension BatchNormalization {
  static let entry = Entry(
    module: "nn", name: "BatchNormalization", summary: "Normalises each feature over the batch (moving statistics at inference), as Keras.",
    options: [Parameter("momentum", .numberIn(0, 1), "moving-average momentum", default: .number(0.99)),
              Parameter("epsilon", .number, "added to the variance", default: .number(1e-3)),
              Parameter("center", .bool, "learn a shift beta", default: .bool(true)),
              Parameter("scale", .bool, "learn a scale gamma", default: .bool(true)), LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in
      BatchNormalization(momentum: a.float("momentum"), epsilon: a.float("epsilon"), center: a.bool("center"), scale: a.bool("scale"), name: a.string("name"))
    })
}

extension LayerNormalization {
  static let entry = Entry(
    module: "nn", name: "LayerNormalization", summary: "Normalises each sample over its features, as Keras.",
    options: [Parameter("epsilon", .number, "added to the variance", default: .number(1e-3)),
              Parameter("center", .bool, "learn a shift beta", default: .bool(true)),
              Parameter("scale", .bool, "learn a scale gamma", default: .bool(true)), LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in
      LayerNormalization(epsilon: a.float("epsilon"), center: a.bool("center"), scale: a.bool("scale"), name: a.string("name"))
    })
}

extension ScriptLayer {
  static let entry = Entry(
    module: "nn", name: "Custom",
    summary: "A layer written in Lua: `nn.Custom{forward = function(self, x) return x:matmul(self.parameters.w) end, parameters = {w = tensor.randn(4, 2):requires_grad()}}`; autodiff gives its backward.",
    options: [Parameter("forward", .function, "function(self, x) returning a tensor with one row per row of x"),
              Parameter("parameters", .any, "tensors to train, made with :requires_grad() (a list or a table of named tensors)", default: .list([])),
              LayerLibrary.nameOption],
    returns: [Returned(.object("Layer"), "the layer")],
    body: LayerLibrary.layer { a in
      guard case .function(let f) = a.value("forward") else { throw CatalogError("option 'forward' is required: a function(self, x)") }
      var params: [(String, Tensor)] = []
      switch a.value("parameters") {
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
      let table = Value.table([("parameters", a.value("parameters")), ("name", a.value("name"))])
      return try ScriptLayer(forward: f, table: table, parameters: params, name: a.string("name"))
    })
}
