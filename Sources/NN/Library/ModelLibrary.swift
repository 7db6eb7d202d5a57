import Catalog
import Foundation
import Tensors

/// `nn.Sequential` and the model's methods.
enum ModelLibrary {
  static let data = ValueType.either(.tensorLike, .object("Dataset"))

  static func model(_ d: Declarer) -> Arg<Model> { d.object("model", Model.self, "the model") }

  /// Layers from objects, or from tables with a `forward` function (custom layers written in Lua).
  static func layerList(_ values: [Value], in session: Session) throws -> [Layer] {
    try values.map { try layer($0, in: session) }
  }

  static func layer(_ v: Value, in session: Session) throws -> Layer {
    switch v {
    case .object(let o):
      if let l = (o as? LayerObject)?.layer { return l }
    case .table:
      guard case .object(let o)? = try ScriptLayer.entry.call([v], in: session).first, let l = (o as? LayerObject)?.layer else { break }
      return l
    default: break
    }
    throw CatalogError("expected a layer (nn.Dense(...), ...) or a table with a forward function, got \(v.summary)")
  }

  /// (x, y) from either two tensors or one data set with features and targets.
  static func pair(_ first: Value, _ second: Tensor?) throws -> (Tensor, Tensor) {
    switch first {
    case .object(let o):
      guard let d = o as? LabeledData else { throw CatalogError("argument 'x' is not a data set") }
      if second != nil { throw CatalogError("give either a data set or x and y, not both") }
      return (d.features, d.targets)
    case .tensor(let x):
      guard let y = second else { throw CatalogError("argument 'y' (targets) is missing") }
      return (try Convert.batch(x, "x"), try Convert.matrix(y, "y"))
    default: throw CatalogError("argument 'x' expects a tensor or a data set")
    }
  }

  /// A model's per-sample input shape from `input_dim` or `input_shape` (at most one).
  static func sampleShape(inputDim: Int?, inputShape: [Int]?) throws -> [Int]? {
    if inputDim != nil, inputShape != nil { throw CatalogError("give input_dim or input_shape, not both") }
    if let inputShape {
      guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }), Tensor.elementCount(inputShape) != nil else {
        throw CatalogError("option 'input_shape' expects a list of positive sizes, got {\(inputShape.map(String.init).joined(separator: ", "))}")
      }
      return inputShape
    }
    return inputDim.map { [$0] }
  }

  /// The features of `x`: a tensor, or a data set's.
  static func features(_ x: Value) throws -> Tensor {
    switch x {
    case .object(let o):
      guard let d = o as? LabeledData else { throw CatalogError("argument 'x' is not a data set") }
      return d.features
    case .tensor(let t): return try Convert.batch(t, "x")
    default: throw CatalogError("argument 'x' expects a tensor or a data set, got \(x.summary)")
    }
  }

  static var entries: [Entry] {
    [
      Entry(module: "nn", name: "Sequential", summary: "A stack of layers: `nn.Sequential{input_dim = 103, nn.Dense(256, {activation = \"relu\"}), ...}`.",
            returns: [Returned(.object("Model"), "the model")]) { d in
        let layers = d.variadic("layers", Value.self, "the layers, in order (a table with forward and parameters is a custom layer)", as: .either(.object("Layer"), .record))
        let inputDim = d.option("input_dim", Int.self, "features per sample (or input_dim on the first layer)", as: .positiveInteger)
        let inputShape = d.option("input_shape", [Int].self, "the shape of one sample, channels last: {32, 32, 3} for images, {200} for token sequences")
        let seed = d.option("seed", Int.self, "seed of the model's own randomness (initial weights, dropout, shuffling); the run's streams otherwise", as: .nonNegativeInteger)
        return { a in
          let layers = try layerList(a[layers], in: a.session)
          let stream = try a[seed].map { RandomStream(seed: UInt64($0)) } ?? a.session.random.nextStream("nn.Sequential")
          let net = Sequential(inputShape: try sampleShape(inputDim: a[inputDim], inputShape: a[inputShape]), random: stream)
          for l in layers { try net.add(l) }
          return [.object(Model(net))]
        }
      },
      Entry(module: "nn", name: "add", summary: "Appends a layer to the model.",
            returns: [Returned(.object("Model"), "the model")], methodOf: "Model") { d in
        let model = model(d)
        let layerArg = d.parameter("layer", Value.self, "the layer, or a table with forward and parameters (a custom layer)", as: .either(.object("Layer"), .record))
        return { a in
          let layer = try layer(a[layerArg], in: a.session)
          let m = try a[model]
          try m.network.add(layer)
          return [.object(m)]
        }
      },
      Entry(module: "nn", name: "compile", summary: "Chooses the optimizer, the loss and the metrics reported during training.",
            returns: [Returned(.object("Model"), "the model")], methodOf: "Model") { d in
        let model = model(d)
        let optimizerArg = d.option("optimizer", Value.self, "an optimizer object, or a name with default settings: \(OptimizerLibrary.documentedNames)", as: .either(.object("Optimizer"), .string), default: .string("adam"))
        let lossArg = d.option("loss", Value.self, "a loss object or name (\(LossLibrary.documentedNames)), or function(p, y) from tensor operations (autodiff gives its gradient); for a graph model with several outputs, one for all, a list by position or a table keyed by output name ({labels = \"binary_crossentropy\", count = \"mse\"})", as: .either(.either(.either(.object("Loss"), .string), .function), .either(.record, .list(.any))), default: .string("binary_crossentropy"))
        let lossWeights = d.option("loss_weights", Value.self, "a graph model's weight of each output's loss in the total (default 1 each): a list by position or a table keyed by output name", as: .either(.record, .list(.number)))
        let metricsArg = d.option("metrics", Value.self, "metric names computed over each epoch; for a graph model, a list for every output or a table keyed by output name ({labels = {\"f1_micro\"}}), logged as <output>_<metric> when it has several", as: .either(.list(.string), .record), default: .list([]))
        return { a in
          let m = try a[model]
          let optimizer: Optimizer
          switch try a[optimizerArg] {
          case .object(let o as Optimizer): optimizer = o
          case .string(let s): optimizer = try OptimizerLibrary.named(s, in: a.session.catalog)
          case let v: throw CatalogError("option 'optimizer' expects an optimizer or a name, got \(v.summary)")
          }
          func loss(_ v: Value) throws -> Loss {
            switch v {
            case .object(let o as LossObject): return o.loss
            case .string(let s): return try LossLibrary.named(s, in: a.session.catalog)
            case .function(let f): return ScriptLoss(f)
            case let v: throw CatalogError("option 'loss' expects a loss, a name or a function, got \(v.summary)")
            }
          }
          func names(_ v: Value, _ what: String) throws -> [String] {
            guard case .list(let items) = v else { throw CatalogError("\(what) expects a list of metric names, got \(v.summary)") }
            return try items.map { item in
              guard case .string(let s) = item else { throw CatalogError("\(what) expects metric names, got \(item.summary)") }
              return s
            }
          }
          let metricsValue = try a[metricsArg]
          if let graph = m.network.graph {
            let outs = graph.outputNames
            let losses = try perOutput(a[lossArg], names: outs, option: "loss", fallback: nil, loss)
            let weights = try perOutput(a[lossWeights], names: outs, option: "loss_weights", fallback: 1.0) { v -> Double in
              switch v {
              case .integer(let i): return Double(i)
              case .number(let d): return d
              default: throw CatalogError("option 'loss_weights' expects numbers, got \(v.summary)")
              }
            }
            let metrics: [[String]]
            if case .table = metricsValue {
              metrics = try perOutput(metricsValue, names: outs, option: "metrics", fallback: []) { try names($0, "option 'metrics'") }
            } else {
              let all = try names(metricsValue, "option 'metrics'")
              metrics = outs.map { _ in all }
            }
            try m.network.compile(optimizer: optimizer, losses: losses, lossWeights: weights, metrics: metrics, in: a.session.catalog)
            m.compileConfig = ["optimizer": [type(of: optimizer).kind: optimizer.config],
                               "loss": Dictionary(uniqueKeysWithValues: zip(outs, losses).map { ($0, [type(of: $1).kind: $1.config]) })]
            m.metrics = m.network.metricNames
            m.outputMetrics = metrics
            m.lossWeights = weights
            return [.object(m)]
          }
          if try a[lossWeights] != nil { throw CatalogError("option 'loss_weights' is for graph models (nn.Model) with several outputs") }
          let loss = try loss(a[lossArg])
          let metrics = try names(metricsValue, "option 'metrics'")
          try m.network.compile(optimizer: optimizer, loss: loss, metrics: metrics, in: a.session.catalog)
          m.compileConfig = ["optimizer": [type(of: optimizer).kind: optimizer.config], "loss": [type(of: loss).kind: loss.config]]
          m.metrics = metrics
          return [.object(m)]
        }
      },
      Entry(module: "nn", name: "fit", summary: "Trains: `model:fit(x, y, {epochs = 30, batch_size = 32})` or `model:fit(train, {...})`; returns the history.",
            returns: [Returned(.record, "the history: one list per logged quantity (loss, val_loss, metrics), and epochs")],
            methodOf: "Model") { d in
        let model = model(d)
        let x = d.parameter("x", Value.self, "features (n x d) or a data set; for a graph model, a table of tensors keyed by input name (or a list by position)", as: modelData)
        let y = d.optionalParameter("y", Value.self, "targets (n x L), unless x is a data set; for a graph model, a table keyed by output name (or a list by position)", as: modelTargets)
        let batchSize = d.option("batch_size", Int.self, "samples per step", as: .positiveInteger, default: 32)
        let epochs = d.option("epochs", Int.self, "passes over the data", as: .positiveInteger, default: 1)
        let shuffle = d.option("shuffle", Bool.self, "shuffle the samples every epoch (seeded)", default: true)
        let verbose = d.option("verbose", Int.self, "0 silent, 1 progress bar, 2 one line per epoch", as: .nonNegativeInteger, default: 1)
        let validationData = d.option("validation_data", Value.self, "{x, y} or a data set evaluated after every epoch")
        let validationSplit = d.option("validation_split", Double.self, "fraction held out from the end before shuffling", as: .numberIn(0, 0.99), default: 0)
        let sampleWeight = d.option("sample_weight", Tensor.self, "one weight per sample", as: .tensorLike)
        let classWeight = d.option("class_weight", Value.self, "weights scaling each label's share of the loss: one per label, or a map from label (column of y, from 1) to weight where missing labels weigh 1, {[2] = 5}; with categorical_crossentropy each sample weighs its class's weight (Keras)", as: .either(.list(.number), .record))
        let initialEpoch = d.option("initial_epoch", Int.self, "epoch to start at (resuming)", as: .nonNegativeInteger, default: 0)
        let callbacksArg = d.option("callbacks", [Value].self, "callback objects, or tables of hooks: on_epoch_end = function(epoch, logs, model) ... end (crescent doc callbacks)", as: .list(.any), default: [],
                                     editorType: "(Callback|\(CallbackLibrary.tableType))[]")
        let checkpoint = d.option("checkpoint", Value.self, "write a training checkpoint (weights, optimizer state, schedule and callback state, epoch, random streams, history; durably: a crash leaves the old or the new file) after every epoch: true (\(CheckpointPolicy.defaultFolder)/\(CheckpointPolicy.defaultName); in a recorded run, runs/<id>/checkpoints/ with fit2.safetensors, ... named after the fit's series, which crescent resume continues from), a file name, or {path = ..., folder = ..., every = n} (every n epochs, and after the last)", as: .either(.bool, .either(.string, .record)),
                                  editorType: "boolean|string|{path?: string, folder?: string, every?: integer}")
        let resume = d.option("resume", Value.self, "continue from a training checkpoint, exactly as the uninterrupted fit: a file name, or true for this fit's checkpoint file when it exists (a fresh start otherwise); epochs counts the epochs before it too", as: .either(.bool, .string))
        let logPrefix = d.option("log_prefix", String.self, "prefix of this fit's series in the run's log (default: none for the run's first fit, fit2/, fit3/, ... after, skipping taken ones); one an earlier fit of the run used is an error")
        return { a in
          let m = try a[model]
          let (x, y) = try pair(a[x], a[y], for: m.network)
          var options = FitOptions()
          options.progress = a.session.output
          options.runLog = a.session.runLog
          options.trial = a.session.trial
          options.checkLimits = a.session.checkDeadline
          options.batchSize = try a[batchSize]
          options.epochs = try a[epochs]
          options.shuffle = try a[shuffle]
          options.verbose = try a[verbose]
          guard options.verbose <= 2 else { throw CatalogError("option 'verbose' expects 0, 1 or 2, got \(options.verbose)") }
          options.validationSplit = try a[validationSplit]
          options.initialEpoch = try a[initialEpoch]
          options.sampleWeights = try a[sampleWeight]
          options.classWeights = try classWeights(a[classWeight] ?? .none, labels: m.network.outputSize ?? y.shape.last ?? 0)
          options.logPrefix = try a[logPrefix]
          if let v = try a[validationData] { options.validation = try validation(v, for: m.network) }
          options.checkpoint = try checkpointPolicy(a[checkpoint], defaultFolder: a.session.checkpointFolder ?? CheckpointPolicy.defaultFolder)
          options.resume = try resumeSource(a[resume])
          if a.session.resuming, options.resume == nil, options.checkpoint != nil { options.resume = .checkpointIfPresent }
          options.randomContext = a.session.random
          let callbacks = try a[callbacksArg].enumerated().map { try CallbackLibrary.callback($1, index: $0 + 1, model: m) }
          let history = try m.network.fit(x: x, y: y, options: options, callbacks: callbacks)
          var fields: [(key: String, value: Value)] = history.keys.map { k in (k, .list((history.values[k] ?? []).map { .number($0) })) }
          fields.append(("epochs", .list(history.epochs.map { .integer($0 + 1) })))
          return [.table(fields)]
        }
      },
      Entry(module: "nn", name: "evaluate", summary: "The loss and metrics over a whole data set, as a table.",
            returns: [Returned(.record, "{loss = ..., <metric> = ...}")], methodOf: "Model") { d in
        let model = model(d)
        let x = d.parameter("x", Value.self, "features or a data set; for a graph model, a table keyed by input name", as: modelData)
        let y = d.optionalParameter("y", Value.self, "targets, unless x is a data set; for a graph model, a table keyed by output name", as: modelTargets)
        let batchSize = d.option("batch_size", Int.self, "samples per forward pass", as: .positiveInteger, default: 256)
        return { a in
          let net = try a[model].network
          let (x, y) = try pair(a[x], a[y], for: net)
          let logs = try net.evaluate(x: x, y: y, batchSize: a[batchSize])
          return [.table(logs.items.map { ($0.key, .number($0.value)) })]
        }
      },
      Entry(module: "nn", name: "predict", summary: "The model's outputs for x (probabilities for a sigmoid output), computed in batches.",
            returns: [Returned(.either(.tensor, .record), "n x outputs; for a graph model with several outputs, a table of them keyed by output name")], methodOf: "Model") { d in
        let model = model(d)
        let x = d.parameter("x", Value.self, "features (n x d) or a data set; for a graph model, a table keyed by input name", as: modelData)
        let batchSize = d.option("batch_size", Int.self, "samples per forward pass", as: .positiveInteger, default: 256)
        return { a in
          let net = try a[model].network
          return [predictions(try net.predict(features(a[x], for: net), batchSize: a[batchSize]), for: net)]
        }
      },
      Entry(module: "nn", name: "summary", summary: "A table of the layers with output shapes and parameter counts.",
            returns: [Returned(.string, "the table")], methodOf: "Model") { d in
        let model = model(d)
        return { a in
          let m = try a[model]
          if m.network.inputSize != nil && !(m.network.layers.first?.isBuilt ?? true) { try m.network.build() }
          return [.string(m.network.summary(name: m.name))]
        }
      },
      Entry(module: "nn", name: "count_params", summary: "The number of trainable and non-trainable values.",
            returns: [Returned(.integer, "a count")], methodOf: "Model") { d in
        let model = model(d)
        return { a in
          let n = try a[model].network
          return [.integer(n.layers.flatMap { $0.parameters + $0.state }.reduce(0) { $0 + $1.value.count })]
        }
      },
      Entry(module: "nn", name: "get_weights", summary: "Copies of the weights in layer order (Dense: W as [in, out], then b).",
            returns: [Returned(.list(.tensor), "the weights")], methodOf: "Model") { d in
        let model = model(d)
        return { a in [.list(try a[model].network.weights().map { .tensor($0) })] }
      },
      Entry(module: "nn", name: "set_weights", summary: "Replaces the weights, in the order get_weights gives them.",
            methodOf: "Model") { d in
        let model = model(d)
        let weights = d.parameter("weights", [Tensor].self, "tensors of matching shapes", as: .list(.tensorLike))
        return { a in
          try a[model].network.setWeights(a[weights])
          return []
        }
      },
      Entry(module: "nn", name: "parameters", summary: "The trainable tensors themselves, in layer order: they share storage with the model, so training changes them and `opt:step(model:parameters(), grads)` updates the model (get_weights gives copies).",
            returns: [Returned(.list(.tensor), "the parameters")], methodOf: "Model") { d in
        let model = model(d)
        return { a in [.list(try a[model].network.parameters.map { .tensor($0.value) })] }
      },
      Entry(module: "nn", name: "gradients", summary: "Loss and parameter gradients on one batch, without updating: `local loss, grads = model:gradients(xb, yb)`.",
            returns: [Returned(.number, "the loss"), Returned(.list(.tensor), "one gradient per parameter")], methodOf: "Model") { d in
        let model = model(d)
        let x = d.parameter("x", Value.self, "a batch of features (a graph model's: a table keyed by input name)", as: modelTargets)
        let y = d.parameter("y", Value.self, "its targets (a graph model's: a table keyed by output name)", as: modelTargets)
        return { a in
          let net = try a[model].network
          let (xb, yb) = try pair(a[x], a[y], for: net)
          let r = try net.gradients(x: xb, y: yb)
          return [.number(r.loss), .list(r.gradients.map { .tensor($0) })]
        }
      },
      Entry(module: "nn", name: "apply_gradients", summary: "One optimizer step with the given gradients: `model:apply_gradients(grads)`.",
            methodOf: "Model") { d in
        let model = model(d)
        let gradients = d.parameter("gradients", [Tensor].self, "one per parameter, as gradients returns them", as: .list(.tensorLike))
        return { a in
          let m = try a[model]
          guard let opt = m.network.optimizer else { throw CatalogError("compile the model first") }
          try OptimizerLibrary.step(opt, m.network.parameters, a[gradients])
          Regularization.constrain(m.network.layers)
          return []
        }
      },
      Entry(module: "nn", name: "save", summary: "Writes the model to a safetensors file (weights, architecture and compile settings).",
            methodOf: "Model") { d in
        let model = model(d)
        let path = d.parameter("path", String.self, "the file to write (.safetensors)")
        return { a in
          try ModelFile.save(a[model], to: a[path])
          return []
        }
      },
      Entry(module: "nn", name: "read_checkpoint", summary: "Reads a training checkpoint (fit's checkpoint option, ModelCheckpoint's save_training_state), validating it strictly: what it holds, for a look before resuming.",
            returns: [Returned(.record, "{epoch =, stop_training =, optimizer =, steps =, lr =, loss =, metrics =, history = (as fit returns it)}")]) { d in
        let path = d.parameter("path", String.self, "the checkpoint file")
        return { a in
          let c = try TrainingCheckpoint.read(a[path])
          var history: [(key: String, value: Value)] = c.historyKeys.map { k in (k, .list((c.historyValues[k] ?? []).map { .number($0) })) }
          history.append(("epochs", .list(c.historyEpochs.map { .integer($0 + 1) })))
          return [.table([("epoch", .integer(c.epoch)), ("stop_training", .bool(c.stopTraining)), ("optimizer", .string(c.optimizerKind)),
                          ("steps", .integer(c.steps)), ("lr", .number(c.learningRate)), ("loss", .string(c.loss)),
                          ("metrics", .list(c.metrics.map { .string($0) })), ("history", .table(history))])]
        }
      },
      Entry(module: "nn", name: "load", summary: "Reads a model saved with model:save (validating the file strictly).",
            returns: [Returned(.object("Model"), "the model, compiled as it was saved unless compile = false")]) { d in
        let path = d.parameter("path", String.self, "the .safetensors file")
        let compile = d.option("compile", Bool.self, "false: the architecture and weights only, not compiled (as Keras's compile=False), for a model compiled with a loss written in Lua", default: true)
        return { a in [.object(try ModelFile.load(a[path], in: a.session, compile: a[compile]))] }
      },
      Entry(module: "nn", name: "train_on_batch", summary: "One optimisation step on one batch; returns its loss.",
            returns: [Returned(.number, "the batch loss")], methodOf: "Model") { d in
        let model = model(d)
        let x = d.parameter("x", Value.self, "a batch of features (a graph model's: a table keyed by input name)", as: modelTargets)
        let y = d.parameter("y", Value.self, "its targets (a graph model's: a table keyed by output name)", as: modelTargets)
        return { a in
          let net = try a[model].network
          let (xb, yb) = try pair(a[x], a[y], for: net)
          return [.number(try net.trainOnBatch(x: xb, y: yb))]
        }
      },
      Entry(module: "nn", name: "stop", summary: "Asks training to stop after the current batch (from a callback).",
            methodOf: "Model") { d in
        let model = model(d)
        return { a in
          try a[model].network.stopTraining = true
          return []
        }
      },
      Entry(module: "nn", name: "tostring", summary: "A one-line description of the model.",
            returns: [Returned(.string, "text")], methodOf: "Model", metamethod: "__tostring") { d in
        let model = model(d)
        return { a in
          let n = try a[model].network
          return [.string("Model(\(n.layers.map { "\($0.name)" }.joined(separator: " → ")), \(n.parameters.reduce(0) { $0 + $1.value.count }) parameters)")]
        }
      },
    ]
  }

  /// fit's `checkpoint` option: true, a file name, or {path =, folder =, every =}.
  static func checkpointPolicy(_ v: Value?, defaultFolder: String = CheckpointPolicy.defaultFolder) throws -> CheckpointPolicy? {
    switch v {
    case nil, .some(.bool(false)), .some(.none): return nil
    case .bool(true)?: return CheckpointPolicy(folder: defaultFolder)
    case .string(let path)?:
      guard !path.isEmpty else { throw CatalogError("option 'checkpoint' is an empty file name") }
      return CheckpointPolicy(path: path)
    case .table(let fields)?:
      var path: String?, folder: String?, every = 1
      for (k, value) in fields {
        switch (k, value) {
        case ("path", .string(let s)): path = s
        case ("folder", .string(let s)): folder = s
        case ("every", .integer(let n)) where n >= 1: every = n
        case ("every", .number(let d)) where d >= 1 && d == d.rounded() && d < 1e15: every = Int(d)
        case ("path", _), ("folder", _): throw CatalogError("option 'checkpoint': '\(k)' expects a string, got \(value.summary)")
        case ("every", _): throw CatalogError("option 'checkpoint': 'every' expects a positive integer, got \(value.summary)")
        default: throw CatalogError("option 'checkpoint': unknown field '\(k)' (expected path, folder, every)")
        }
      }
      if path != nil && folder != nil { throw CatalogError("option 'checkpoint': give path or folder, not both") }
      if let path {
        guard !path.isEmpty else { throw CatalogError("option 'checkpoint': path is an empty file name") }
        return CheckpointPolicy(path: path, every: every)
      }
      guard folder != "" else { throw CatalogError("option 'checkpoint': folder is an empty name") }
      return CheckpointPolicy(folder: folder ?? defaultFolder, every: every)
    case let other?: throw CatalogError("option 'checkpoint' expects true, a file name or {path =, folder =, every =}, got \(other.summary)")
    }
  }

  /// fit's `resume` option: a file name, or true for the fit's own checkpoint when it exists.
  static func resumeSource(_ v: Value?) throws -> ResumeSource? {
    switch v {
    case nil, .some(.bool(false)), .some(.none): return nil
    case .bool(true)?: return .checkpointIfPresent
    case .string(let path)?:
      guard !path.isEmpty else { throw CatalogError("option 'resume' is an empty file name") }
      return .file(path)
    case let other?: throw CatalogError("option 'resume' expects a checkpoint file name or true, got \(other.summary)")
    }
  }

  static func validation(_ v: Value) throws -> (Tensor, Tensor) {
    switch v {
    case .list(let items) where items.count == 2:
      guard let x = try? TensorLiteral.tensorOrSelf(items[0]), let y = try? TensorLiteral.tensorOrSelf(items[1]) else {
        throw CatalogError("option 'validation_data' expects {x, y} with two tensors")
      }
      return (try Convert.batch(x, "validation x"), try Convert.matrix(y, "validation y"))
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
