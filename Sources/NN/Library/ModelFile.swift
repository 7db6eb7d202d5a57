import Catalog
import Foundation
import Tensors

/// A model in one safetensors file: weights as `<layer>/<weight>` tensors, the architecture and
/// compile settings as JSON in `__metadata__["crescent"]`. Python reads it with
/// `safetensors.numpy.load_file`.
///
/// The compile settings are the options as given (the optimizer's initial `lr`, the loss's
/// `from_logits`), whenever the file is written, during `fit` or after. The optimizer's state
/// sits beside its options: `state` holds the current rate and the step count, and tensors
/// `optimizer/<layer>/<weight>/<slot>` hold its per-parameter buffers (Adam's `exp_avg`...),
/// so a loaded model resumes training exactly where the saved one was.
public enum ModelFile {
  static let formatKey = "crescent"
  static let optimizerPrefix = "optimizer/"

  public static func save(_ model: Model, to path: String) throws {
    if let graph = model.network.graph {
      var spec = try graphSpec(model, graph, path: path)
      var tensors: [(name: String, tensor: Tensor)] = []
      let net = model.network
      for l in net.layers { for w in l.parameters + l.state { tensors.append((w.name, w.value)) } }
      if let c = graphCompile(model, net, graph), let o = net.optimizer {
        spec["compile"] = c
        for w in net.parameters {
          for (slot, t) in zip(o.slotNames, o.slots(for: w)) { tensors.append(("\(optimizerPrefix)\(w.name)/\(slot)", t)) }
        }
      }
      let json = String(decoding: try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]), as: UTF8.self)
      try Safetensors.write(tensors, metadata: [formatKey: json], to: path)
      return
    }
    try save(model.network, metrics: model.metrics, to: path)
  }

  /// Writes `net` with the metric names it was compiled with, `metrics`.
  public static func save(_ net: Sequential, metrics: [String], to path: String) throws {
    var layers: [[String: Any]] = []
    var tensors: [(name: String, tensor: Tensor)] = []
    for l in net.layers {
      if l is ScriptLayer {
        throw CatalogError("\(path): layer '\(l.name)' is written in Lua and cannot be rebuilt from a file; save its weights with get_weights instead")
      }
      layers.append(["kind": l.entryName, "name": l.name, "config": l.config].merging(l.trainable ? [:] : ["trainable": false]) { a, _ in a })
      for w in l.parameters + l.state { tensors.append((w.name, w.value)) }
    }
    var spec: [String: Any] = ["format": "crescent.sequential", "version": 1, "layers": layers]
    if let shape = net.inputShape {
      if shape.count == 1 { spec["input_dim"] = shape[0] } else { spec["input_shape"] = shape }
    }
    if let o = net.optimizer, let loss = net.loss {
      let state: [String: Any] = ["lr": o.learningRate, "iterations": o.steps]
      spec["compile"] = ["optimizer": ["kind": type(of: o).kind, "config": o.config, "state": state],
                         "loss": ["kind": loss.entryName, "config": loss.config], "metrics": metrics]
      for w in net.parameters {
        for (slot, t) in zip(o.slotNames, o.slots(for: w)) { tensors.append(("\(optimizerPrefix)\(w.name)/\(slot)", t)) }
      }
    }
    let json = String(decoding: try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]), as: UTF8.self)
    try Safetensors.write(tensors, metadata: [formatKey: json], to: path)
  }

  /// Reads a model; its random streams and the losses and metrics it names come from `session`.
  /// With `compile: false` only its architecture and weights (the compile settings and
  /// optimizer state in the file are skipped), as Keras's `compile=False`.
  public static func load(_ path: String, in session: Session, compile: Bool = true) throws -> Model {
    let file = try Safetensors.read(path)
    guard let text = file.metadata[formatKey], let spec = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw CatalogError("\(path): not a Crescent model (no '\(formatKey)' entry in __metadata__)")
    }
    if spec["format"] as? String == graphFormat { return try loadGraphModel(spec, file, path: path, in: session, compile: compile) }
    guard let layerSpecs = spec["layers"] as? [[String: Any]] else { throw CatalogError("\(path): the model description has no layer list") }
    let inputShape = (spec["input_dim"] as? Int).map { [$0] } ?? (spec["input_shape"] as? [Int])
    if let inputShape, inputShape.isEmpty || inputShape.contains(where: { $0 <= 0 }) || Tensor.elementCount(inputShape) == nil {
      throw CatalogError("\(path): the input shape \(inputShape) is not a shape of positive sizes")
    }
    let net = Sequential(inputShape: inputShape, random: session.random.nextStream("nn.load"))
    for (k, ls) in layerSpecs.enumerated() {
      guard let kind = ls["kind"] as? String, let entry = built(kind, in: "nn", as: "Layer", session) else {
        throw CatalogError("\(path): layer \(k + 1) has unknown kind \(String(describing: ls["kind"] ?? "nil"))")
      }
      var config = ls["config"] as? [String: Any] ?? [:]
      config["name"] = ls["name"]
      guard case .object(let o)? = try entry.call(arguments(for: entry, config), in: session).first, let layer = (o as? LayerObject)?.layer else {
        throw CatalogError("\(path): layer \(k + 1) (\(kind)) could not be rebuilt")
      }
      try net.add(layer)
    }
    try net.build()
    for (layer, ls) in zip(net.layers, layerSpecs) where (ls["trainable"] as? NSNumber)?.boolValue == false { layer.trainable = false }
    var byName: [String: Tensor] = [:]
    for (name, t) in file.tensors { byName[name] = t }
    for w in net.layers.flatMap({ $0.parameters + $0.state }) {
      guard let t = byName.removeValue(forKey: w.name) else { throw CatalogError("\(path): weight '\(w.name)' is missing") }
      guard t.shape == w.value.shape else {
        throw CatalogError("\(path): weight '\(w.name)' has shape \(describeShape(t.shape)), the architecture needs \(describeShape(w.value.shape))")
      }
      try w.assign(t)
    }
    let model = Model(net)
    if !compile {
      byName = byName.filter { !$0.key.hasPrefix(optimizerPrefix) }
    } else if let c = spec["compile"] as? [String: Any] {
      try restoreCompile(c, into: model, path: path, in: session)
      try restoreOptimizerState(c, &byName, into: net, path: path)
    }
    if let extra = byName.keys.sorted().first {
      if extra.hasPrefix(optimizerPrefix) {
        throw CatalogError("\(path): tensor '\(extra)' is optimizer state that the saved optimizer (\(net.optimizer.map { type(of: $0).kind } ?? "none")) does not keep")
      }
      throw CatalogError("\(path): tensor '\(extra)' belongs to no layer")
    }
    return model
  }

  static func loadGraphModel(_ spec: [String: Any], _ file: Safetensors.File, path: String, in session: Session, compile: Bool) throws -> Model {
    let net = try loadGraph(spec, path: path, in: session)
    var byName: [String: Tensor] = [:]
    for (name, t) in file.tensors { byName[name] = t }
    for w in net.layers.flatMap({ $0.parameters + $0.state }) {
      guard let t = byName.removeValue(forKey: w.name) else { throw CatalogError("\(path): weight '\(w.name)' is missing") }
      guard t.shape == w.value.shape else {
        throw CatalogError("\(path): weight '\(w.name)' has shape \(describeShape(t.shape)), the architecture needs \(describeShape(w.value.shape))")
      }
      try w.assign(t)
    }
    let model = Model(net)
    model.name = spec["name"] as? String ?? "model"
    if !compile {
      byName = byName.filter { !$0.key.hasPrefix(optimizerPrefix) }
    } else if let c = spec["compile"] as? [String: Any] {
      try restoreGraphCompile(c, into: model, path: path, in: session)
      try restoreOptimizerState(c, &byName, into: net, path: path)
    }
    if let extra = byName.keys.sorted().first { throw CatalogError("\(path): tensor '\(extra)' belongs to no layer") }
    return model
  }

  /// The optimizer's current rate, step count and per-parameter buffers, where the file has them.
  static func restoreOptimizerState(_ c: [String: Any], _ byName: inout [String: Tensor], into net: Sequential, path: String) throws {
    guard let o = net.optimizer else { return }
    if let state = (c["optimizer"] as? [String: Any])?["state"] as? [String: Any] {
      if let lr = state["lr"] as? NSNumber { o.learningRate = lr.doubleValue }
      if let n = state["iterations"] as? NSNumber {
        guard let i = integer(n), i >= 0 else { throw CatalogError("\(path): the optimizer's iterations must be a non-negative integer, got \(n)") }
        o.steps = i
      }
    }
    for w in net.parameters {
      let names = o.slotNames.map { "\(optimizerPrefix)\(w.name)/\($0)" }
      let found = names.compactMap { byName.removeValue(forKey: $0) }
      if found.isEmpty { continue }
      guard found.count == names.count else {
        throw CatalogError("\(path): the optimizer's state for '\(w.name)' is incomplete (expected \(names.joined(separator: ", ")))")
      }
      do { try o.restoreSlots(found, for: w) } catch { throw CatalogError("\(path): \(error)") }
    }
  }

  static func restoreCompile(_ c: [String: Any], into model: Model, path: String, in session: Session) throws {
    guard let o = c["optimizer"] as? [String: Any], let okind = o["kind"] as? String,
          let oentry = built(okind, in: "optim", as: "Optimizer", session),
          let l = c["loss"] as? [String: Any], let lkind = l["kind"] as? String,
          let lentry = built(LossLibrary.entryName(ofKind: lkind) ?? lkind, in: "losses", as: "Loss", session) else {
      let lkind = (c["loss"] as? [String: Any])?["kind"] as? String
      if lkind == ScriptLoss.kind {
        throw CatalogError("\(path): the model was compiled with a loss written in Lua, which a file cannot hold: nn.load(path, {compile = false}) then compile")
      }
      if let lkind, LossLibrary.entryName(ofKind: lkind) == nil, session.catalog.entry("losses.\(lkind)") == nil {
        throw CatalogError("\(path): the model was compiled with the loss \(lkind), which this run does not have (a loss added by a plugin: load that plugin, e.g. --plugin); nn.load(path, {compile = false}) reads the architecture and weights alone")
      }
      throw CatalogError("\(path): the compile settings are not understood; nn.load(path, {compile = false}) reads the architecture and weights alone")
    }
    guard case .object(let opt)? = try oentry.call(arguments(for: oentry, o["config"] as? [String: Any] ?? [:]), in: session).first,
          case .object(let lossObject)? = try lentry.call(arguments(for: lentry, l["config"] as? [String: Any] ?? [:]), in: session).first,
          let optimizer = opt as? Optimizer, let loss = (lossObject as? LossObject)?.loss else {
      throw CatalogError("\(path): the compile settings could not be rebuilt")
    }
    let metrics = c["metrics"] as? [String] ?? []
    try model.network.compile(optimizer: optimizer, loss: loss, metrics: metrics, in: session.catalog)
    model.metrics = metrics
    model.compileConfig = c
  }

  /// The entry of `session`'s catalog named `name` in `module` that returns a `type` object, so
  /// that what plugins add loads back like the built-ins.
  static func built(_ name: String, in module: String, as type: String, _ session: Session) -> Entry? {
    guard let e = session.catalog.entry("\(module).\(name)"), case .object(type)? = e.returns.first?.type else { return nil }
    return e
  }

  /// A saved configuration as the arguments of the entry that builds it: declared positional
  /// parameters by name, the rest as options, each converted to its declared type.
  static func arguments(for entry: Entry, _ config: [String: Any]) throws -> [Value] {
    var positional: [Value] = []
    for p in entry.parameters where !p.variadic {
      guard let v = config[p.name] else { break }
      positional.append(try value(v, p.type, "\(entry.qualifiedName) '\(p.name)'"))
    }
    var options: [(key: String, value: Value)] = []
    for (k, v) in config.sorted(by: { $0.key < $1.key }) where !entry.parameters.contains(where: { $0.name == k }) {
      guard let p = entry.options.first(where: { $0.name == k }) else { continue }
      options.append((k, try value(v, p.type, "\(entry.qualifiedName) option '\(k)'")))
    }
    return positional + [.table(options)]
  }

  /// A JSON number that is a whole number an Int holds exactly, or nil (1.5, 1e30, NaN).
  static func integer(_ n: NSNumber) -> Int? {
    let d = n.doubleValue
    guard d.isFinite, d == d.rounded(), abs(d) < 9.0e18 else { return nil }
    return Int(exactly: n.int64Value)
  }

  /// A saved table of options (an initializer or regularizer with its parameters): numbers,
  /// strings, lists and tables.
  static func record(_ d: [String: Any], _ what: String) throws -> Value {
    func plain(_ v: Any) throws -> Value {
      switch v {
      case let s as String: return .string(s)
      case let n as NSNumber: return .number(n.doubleValue)
      case let items as [Any]: return .list(try items.map(plain))
      case let t as [String: Any]: return try record(t, what)
      default: throw CatalogError("\(what): saved value \(v) is not a number, string, list or table")
      }
    }
    return .table(try d.keys.sorted().map { k in (k, try plain(d[k]!)) })  // cannot fail: k is a key of d
  }

  static func value(_ v: Any, _ type: ValueType, _ what: String) throws -> Value {
    switch type {
    case .bool: if let b = v as? Bool { return .bool(b) }
    case .integer, .positiveInteger, .nonNegativeInteger: if let n = v as? NSNumber, let i = integer(n) { return .integer(i) }
    case .number, .numberIn, .numberAtLeast, .numberAbove, .numberInHalfOpen: if let n = v as? NSNumber { return .number(n.doubleValue) }
    case .string, .oneOf: if let s = v as? String { return .string(s) }
    case .list(let inner):
      if let items = v as? [Any] { return .list(try items.map { try value($0, inner, what) }) }
    case .either(let a, let b):
      if let r = try? value(v, a, what) { return r }
      return try value(v, b, what)
    case .record: if let d = v as? [String: Any] { return try record(d, what) }
    default: break
    }
    throw CatalogError("\(what): saved value \(v) does not fit \(type.description)")
  }
}
