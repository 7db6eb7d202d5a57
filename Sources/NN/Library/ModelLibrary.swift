import Catalog
import Foundation
import Tensors

/// `nn.Sequential` and the model's methods.
enum ModelLibrary {
  static let model = Parameter("model", .object("Model"), "the model")
  static let data = ValueType.either(.tensorLike, .object("Dataset"))

  static func the(_ a: Arguments) -> Model {
    guard case .object(let o) = a.value("model"), let m = o as? Model else { preconditionFailure("not a model") }
    return m
  }

  /// Layers from objects, or from tables with a `forward` function (custom layers written in Lua).
  static func layerList(_ values: [Value], in session: Session) throws -> [Layer] {
    try values.map { try layer($0, in: session) }
  }

  static func layer(_ v: Value, in session: Session) throws -> Layer {
    switch v {
    case .object(let o):
      if let l = o as? Layer { return l }
    case .table:
      guard case .object(let o)? = try ScriptLayer.entry.call([v], in: session).first, let l = o as? Layer else { break }
      return l
    default: break
    }
    throw CatalogError("expected a layer (nn.Dense(...), ...) or a table with a forward function, got \(v.summary)")
  }

  /// (x, y) from either two tensors or one data set with features and targets.
  static func pair(_ a: Arguments, _ first: String, _ second: String) throws -> (Tensor, Tensor) {
    switch a.value(first) {
    case .object(let o):
      guard let d = o as? LabeledData else { throw CatalogError("argument '\(first)' is not a data set") }
      if a.has(second) { throw CatalogError("give either a data set or x and y, not both") }
      return (d.features, d.targets)
    case .tensor(let x):
      guard case .tensor(let y) = a.value(second) else { throw CatalogError("argument '\(second)' (targets) is missing") }
      return (try Convert.matrix(x, "x"), try Convert.matrix(y, "y"))
    default: throw CatalogError("argument '\(first)' expects a tensor or a data set")
    }
  }

  static var entries: [Entry] {
    [
      Entry(module: "nn", name: "Sequential", summary: "A stack of layers: `nn.Sequential{input_dim = 103, nn.Dense(256, {activation = \"relu\"}), ...}`.",
            parameters: [Parameter("layers", .either(.object("Layer"), .record), "the layers, in order (a table with forward and parameters is a custom layer)", variadic: true)],
            options: [Parameter("input_dim", .positiveInteger, "features per sample (or input_dim on the first layer)", optional: true),
                      Parameter("seed", .nonNegativeInteger, "seed of the model's own randomness (initial weights, dropout, shuffling); the run's streams otherwise", optional: true)],
            returns: [Returned(.object("Model"), "the model")]) { a in
        let layers = try layerList(a.list("layers"), in: a.session)
        let stream = a.optionalInt("seed").map { RandomStream(seed: UInt64($0)) } ?? a.session.random.nextStream("nn.Sequential")
        let net = Sequential(inputSize: a.optionalInt("input_dim"), random: stream)
        for l in layers { try net.add(l) }
        return [.object(Model(net))]
      },
      Entry(module: "nn", name: "add", summary: "Appends a layer to the model.",
            parameters: [model, Parameter("layer", .either(.object("Layer"), .record), "the layer, or a table with forward and parameters (a custom layer)")],
            returns: [Returned(.object("Model"), "the model")], methodOf: "Model") { a in
        let layer = try layer(a.value("layer"), in: a.session)
        let m = the(a)
        try m.network.add(layer)
        return [.object(m)]
      },
      Entry(module: "nn", name: "compile", summary: "Chooses the optimizer, the loss and the metrics reported during training.",
            parameters: [model],
            options: [Parameter("optimizer", .either(.object("Optimizer"), .string), "an optimizer object, or a name with default settings: \(OptimizerLibrary.documentedNames)", default: .string("adam")),
                      Parameter("loss", .either(.either(.object("Loss"), .string), .function), "a loss object or name (\(LossLibrary.documentedNames)), or function(p, y) from tensor operations (autodiff gives its gradient)", default: .string("binary_crossentropy")),
                      Parameter("metrics", .list(.string), "metric names computed over each epoch", default: .list([]))],
            returns: [Returned(.object("Model"), "the model")], methodOf: "Model") { a in
        let m = the(a)
        let optimizer: Optimizer
        switch a.value("optimizer") {
        case .object(let o): optimizer = o as! Optimizer
        case .string(let s): optimizer = try OptimizerLibrary.named(s)
        default: preconditionFailure()
        }
        let loss: Loss
        switch a.value("loss") {
        case .object(let o): loss = (o as! LossObject).loss
        case .string(let s): loss = try LossLibrary.named(s, in: a.session.catalog)
        case .function(let f): loss = ScriptLoss(f)
        default: preconditionFailure()
        }
        let metrics = a.list("metrics").compactMap { if case .string(let s) = $0 { return s }; return nil }
        try m.network.compile(optimizer: optimizer, loss: loss, metrics: metrics, in: a.session.catalog)
        m.compileConfig = ["optimizer": [type(of: optimizer).kind: optimizer.config], "loss": [type(of: loss).kind: loss.config]]
        m.metrics = metrics
        return [.object(m)]
      },
      Entry(module: "nn", name: "fit", summary: "Trains: `model:fit(x, y, {epochs = 30, batch_size = 32})` or `model:fit(train, {...})`; returns the history.",
            parameters: [model, Parameter("x", data, "features (n x d) or a data set"), Parameter("y", .tensorLike, "targets (n x L), unless x is a data set", optional: true)],
            options: [Parameter("batch_size", .positiveInteger, "samples per step", default: .integer(32)),
                      Parameter("epochs", .positiveInteger, "passes over the data", default: .integer(1)),
                      Parameter("shuffle", .bool, "shuffle the samples every epoch (seeded)", default: .bool(true)),
                      Parameter("verbose", .nonNegativeInteger, "0 silent, 1 progress bar, 2 one line per epoch", default: .integer(1)),
                      Parameter("validation_data", .any, "{x, y} or a data set evaluated after every epoch", optional: true),
                      Parameter("validation_split", .numberIn(0, 0.99), "fraction held out from the end before shuffling", default: .number(0)),
                      Parameter("sample_weight", .tensorLike, "one weight per sample", optional: true),
                      Parameter("class_weight", .either(.list(.number), .record), "weights scaling each label's share of the loss: one per label, or a map from label (column of y, from 1) to weight where missing labels weigh 1, {[2] = 5}; with categorical_crossentropy each sample weighs its class's weight (Keras)", optional: true),
                      Parameter("initial_epoch", .nonNegativeInteger, "epoch to start at (resuming)", default: .integer(0)),
                      Parameter("callbacks", .list(.any), "callback objects, or tables of hooks: on_epoch_end = function(epoch, logs, model) ... end (crescent doc callbacks)", default: .list([]),
                                editorType: "(Callback|\(CallbackLibrary.tableType))[]"),
                      Parameter("log_prefix", .string, "prefix of this fit's series in the run's log (default: none for the run's first fit, fit2/, fit3/, ... after, skipping taken ones); one an earlier fit of the run used is an error", optional: true)],
            returns: [Returned(.record, "the history: one list per logged quantity (loss, val_loss, metrics), and epochs")],
            methodOf: "Model") { a in
        let m = the(a)
        let (x, y) = try pair(a, "x", "y")
        var options = FitOptions()
        options.progress = a.session.output
        options.runLog = a.session.runLog
        options.batchSize = a.int("batch_size")
        options.epochs = a.int("epochs")
        options.shuffle = a.bool("shuffle")
        options.verbose = a.int("verbose")
        guard options.verbose <= 2 else { throw CatalogError("option 'verbose' expects 0, 1 or 2, got \(options.verbose)") }
        options.validationSplit = a.double("validation_split")
        options.initialEpoch = a.int("initial_epoch")
        if a.has("sample_weight") { options.sampleWeights = a.tensor("sample_weight") }
        options.classWeights = try classWeights(a.value("class_weight"), labels: m.network.outputSize ?? y.shape.last ?? 0)
        if a.has("log_prefix") { options.logPrefix = a.string("log_prefix") }
        if a.has("validation_data") { options.validation = try validation(a.value("validation_data")) }
        let callbacks = try a.list("callbacks").enumerated().map { try CallbackLibrary.callback($1, index: $0 + 1, model: m) }
        let history = try m.network.fit(x: x, y: y, options: options, callbacks: callbacks)
        var fields: [(key: String, value: Value)] = history.keys.map { k in (k, .list(history.values[k]!.map { .number($0) })) }
        fields.append(("epochs", .list(history.epochs.map { .integer($0 + 1) })))
        return [.table(fields)]
      },
      Entry(module: "nn", name: "evaluate", summary: "The loss and metrics over a whole data set, as a table.",
            parameters: [model, Parameter("x", data, "features or a data set"), Parameter("y", .tensorLike, "targets, unless x is a data set", optional: true)],
            options: [Parameter("batch_size", .positiveInteger, "samples per forward pass", default: .integer(256))],
            returns: [Returned(.record, "{loss = ..., <metric> = ...}")], methodOf: "Model") { a in
        let (x, y) = try pair(a, "x", "y")
        let logs = try the(a).network.evaluate(x: x, y: y, batchSize: a.int("batch_size"))
        return [.table(logs.items.map { ($0.key, .number($0.value)) })]
      },
      Entry(module: "nn", name: "predict", summary: "The model's outputs for x (probabilities for a sigmoid output), computed in batches.",
            parameters: [model, Parameter("x", data, "features (n x d) or a data set")],
            options: [Parameter("batch_size", .positiveInteger, "samples per forward pass", default: .integer(256))],
            returns: [Returned(.tensor, "n x outputs")], methodOf: "Model") { a in
        let x: Tensor
        switch a.value("x") {
        case .object(let o): guard let d = o as? LabeledData else { throw CatalogError("argument 'x' is not a data set") }; x = d.features
        case .tensor(let t): x = try Convert.matrix(t, "x")
        default: preconditionFailure()
        }
        return [.tensor(try the(a).network.predict(x, batchSize: a.int("batch_size")))]
      },
      Entry(module: "nn", name: "summary", summary: "A table of the layers with output shapes and parameter counts.",
            parameters: [model], returns: [Returned(.string, "the table")], methodOf: "Model") { a in
        let m = the(a)
        if m.network.inputSize != nil && !(m.network.layers.first?.isBuilt ?? true) { try m.network.build() }
        return [.string(m.network.summary())]
      },
      Entry(module: "nn", name: "count_params", summary: "The number of trainable and non-trainable values.",
            parameters: [model], returns: [Returned(.integer, "a count")], methodOf: "Model") { a in
        let n = the(a).network
        return [.integer(n.layers.flatMap { $0.parameters + $0.state }.reduce(0) { $0 + $1.value.count })]
      },
      Entry(module: "nn", name: "get_weights", summary: "Copies of the weights in layer order (Dense: W as [in, out], then b).",
            parameters: [model], returns: [Returned(.list(.tensor), "the weights")], methodOf: "Model") { a in
        [.list(the(a).network.weights().map { .tensor($0) })]
      },
      Entry(module: "nn", name: "set_weights", summary: "Replaces the weights, in the order get_weights gives them.",
            parameters: [model, Parameter("weights", .list(.tensorLike), "tensors of matching shapes")], methodOf: "Model") { a in
        try the(a).network.setWeights(a.list("weights").compactMap(Convert.tensor))
        return []
      },
      Entry(module: "nn", name: "parameters", summary: "The trainable tensors themselves, in layer order: they share storage with the model, so training changes them and `opt:step(model:parameters(), grads)` updates the model (get_weights gives copies).",
            parameters: [model], returns: [Returned(.list(.tensor), "the parameters")], methodOf: "Model") { a in
        [.list(the(a).network.parameters.map { .tensor($0.value) })]
      },
      Entry(module: "nn", name: "gradients", summary: "Loss and parameter gradients on one batch, without updating: `local loss, grads = model:gradients(xb, yb)`.",
            parameters: [model, Parameter("x", .tensorLike, "a batch of features"), Parameter("y", .tensorLike, "its targets")],
            returns: [Returned(.number, "the loss"), Returned(.list(.tensor), "one gradient per parameter")], methodOf: "Model") { a in
        let r = try the(a).network.gradients(x: try Convert.matrix(a.tensor("x"), "x"), y: try Convert.matrix(a.tensor("y"), "y"))
        return [.number(r.loss), .list(r.gradients.map { .tensor($0) })]
      },
      Entry(module: "nn", name: "apply_gradients", summary: "One optimizer step with the given gradients: `model:apply_gradients(grads)`.",
            parameters: [model, Parameter("gradients", .list(.tensorLike), "one per parameter, as gradients returns them")], methodOf: "Model") { a in
        let m = the(a)
        guard let opt = m.network.optimizer else { throw CatalogError("compile the model first") }
        try OptimizerLibrary.step(opt, m.network.parameters, a.list("gradients").compactMap(Convert.tensor))
        return []
      },
      Entry(module: "nn", name: "save", summary: "Writes the model to a safetensors file (weights, architecture and compile settings).",
            parameters: [model, Parameter("path", .string, "the file to write (.safetensors)")], methodOf: "Model") { a in
        try ModelFile.save(the(a), to: a.string("path"))
        return []
      },
      Entry(module: "nn", name: "load", summary: "Reads a model saved with model:save (validating the file strictly).",
            parameters: [Parameter("path", .string, "the .safetensors file")],
            options: [Parameter("compile", .bool, "false: the architecture and weights only, not compiled (as Keras's compile=False), for a model compiled with a loss written in Lua", default: .bool(true))],
            returns: [Returned(.object("Model"), "the model, compiled as it was saved unless compile = false")]) { a in
        [.object(try ModelFile.load(a.string("path"), in: a.session, compile: a.bool("compile")))]
      },
      Entry(module: "nn", name: "train_on_batch", summary: "One optimisation step on one batch; returns its loss.",
            parameters: [model, Parameter("x", .tensorLike, "a batch of features"), Parameter("y", .tensorLike, "its targets")],
            returns: [Returned(.number, "the batch loss")], methodOf: "Model") { a in
        [.number(try the(a).network.trainOnBatch(x: try Convert.matrix(a.tensor("x"), "x"), y: try Convert.matrix(a.tensor("y"), "y")))]
      },
      Entry(module: "nn", name: "stop", summary: "Asks training to stop after the current batch (from a callback).",
            parameters: [model], methodOf: "Model") { a in
        the(a).network.stopTraining = true
        return []
      },
      Entry(module: "nn", name: "tostring", summary: "A one-line description of the model.",
            parameters: [model], returns: [Returned(.string, "text")], methodOf: "Model", metamethod: "__tostring") { a in
        let n = the(a).network
        return [.string("Model(\(n.layers.map { "\($0.name)" }.joined(separator: " → ")), \(n.parameters.reduce(0) { $0 + $1.value.count }) parameters)")]
      },
    ]
  }

  static func validation(_ v: Value) throws -> (Tensor, Tensor) {
    switch v {
    case .list(let items) where items.count == 2:
      guard let x = try? TensorLiteral.tensorOrSelf(items[0]), let y = try? TensorLiteral.tensorOrSelf(items[1]) else {
        throw CatalogError("option 'validation_data' expects {x, y} with two tensors")
      }
      return (try Convert.matrix(x, "validation x"), try Convert.matrix(y, "validation y"))
    case .object(let o):
      guard let d = o as? LabeledData else { throw CatalogError("option 'validation_data' expects {x, y} or a data set") }
      return (d.features, d.targets)
    default: throw CatalogError("option 'validation_data' expects {x, y} or a data set, got \(v.summary)")
    }
  }
}

extension TensorLiteral {
  static func tensorOrSelf(_ v: Value) throws -> Tensor {
    if case .tensor(let t) = v { return t }
    return try tensor(from: v)
  }
}
