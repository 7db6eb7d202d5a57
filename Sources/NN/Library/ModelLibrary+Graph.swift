import Catalog
import Tensors

/// A graph model's data in scripts: x and y as tables of tensors keyed by input and output
/// name, or lists by position, or a single tensor for a single input or output; packed side
/// by side (`Graph+Packing`) for the training loop.
extension ModelLibrary {
  /// What fit, evaluate and predict take as x or y: a tensor, a data set, a list of tensors
  /// or a table of tensors keyed by name.
  static let modelData = ValueType.either(data, .either(.list(.tensor), .record))
  static let modelTargets = ValueType.either(.tensorLike, .either(.list(.tensor), .record))

  /// One tensor per name, from a table keyed by name, a list by position or one tensor.
  static func keyed(_ v: Value, names: [String], role: String, what: String) throws -> [Tensor] {
    func tensor(_ v: Value, _ label: String) throws -> Tensor {
      guard let t = try? TensorLiteral.tensorOrSelf(v) else { throw CatalogError("\(what): \(label) is \(v.summary), not a tensor") }
      return t
    }
    let list = names.map { "'\($0)'" }.joined(separator: ", ")
    switch v {
    case .tensor(let t):
      guard names.count == 1 else {
        throw CatalogError("\(what): the model has \(names.count) \(role)s (\(list)): give a table keyed by their names, or a list in that order")
      }
      return [t]
    case .list(let items):
      guard items.count == names.count else {
        throw CatalogError("\(what): the model has \(names.count) \(role)s (\(list)), got a list of \(items.count)")
      }
      return try items.enumerated().map { try tensor($1, "item \($0 + 1) ('\(names[$0])')") }
    case .table(let pairs):
      for (k, _) in pairs where !names.contains(k) {
        let hint = Suggest.closest(to: k, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw CatalogError("\(what): the model has no \(role) named '\(k)'\(hint); its \(role)s are \(list)")
      }
      return try names.map { name in
        guard let item = pairs.first(where: { $0.key == name })?.value else {
          throw CatalogError("\(what): the model's \(role) '\(name)' is missing (given: \(pairs.map { "'\($0.key)'" }.joined(separator: ", ")))")
        }
        return try tensor(item, "'\(name)'")
      }
    default:
      throw CatalogError("\(what) expects a tensor, a list of tensors or a table keyed by \(role) name, got \(v.summary)")
    }
  }

  /// A graph model's x, packed.
  static func graphInputs(_ v: Value, _ graph: Graph, what: String = "x") throws -> Tensor {
    if case .object(let o) = v, let d = o as? LabeledData { return try graph.packInputs([d.features], what: what) }
    let xs = try keyed(v, names: graph.inputNames, role: "input", what: what).map { try Convert.batch($0, what) }
    do { return try graph.packInputs(xs, what: what) } catch let e as LayerError { throw CatalogError(e.message) }
  }

  /// A graph model's y, packed.
  static func graphTargets(_ v: Value, _ graph: Graph, what: String = "y") throws -> Tensor {
    let ys = try keyed(v, names: graph.outputNames, role: "output", what: what).map { try Convert.matrix($0, what) }
    do { return try graph.packTargets(ys, what: what) } catch let e as LayerError { throw CatalogError(e.message) }
  }

  /// (x, y) for a model: a graph's packed, a stack's as before.
  static func pair(_ x: Value, _ y: Value?, for net: Sequential) throws -> (Tensor, Tensor) {
    var y = y
    // After a data set, `{}` is the (empty) options table, not targets.
    if case .object(let o) = x, o is LabeledData {
      switch y {
      case .list(let items)? where items.isEmpty: y = nil
      case .table(let pairs)? where pairs.isEmpty: y = nil
      case .tensor(let t)? where t.count == 0: y = nil
      default: break
      }
    }
    guard let graph = net.graph else {
      switch y {
      case nil, .some(.none): return try pair(x, nil)
      case .some(let v):
        guard let t = try? TensorLiteral.tensorOrSelf(v) else { throw CatalogError("argument 'y' expects a tensor, got \(v.summary)") }
        return try pair(x, t)
      }
    }
    if case .object(let o) = x, let d = o as? LabeledData {
      if let y, case .none = y {} else if y != nil { throw CatalogError("give either a data set or x and y, not both") }
      return (try graph.packInputs([d.features]), try graph.packTargets([d.targets]))
    }
    guard let y, !(y.isNone) else { throw CatalogError("argument 'y' (targets) is missing") }
    return (try graphInputs(x, graph), try graphTargets(y, graph))
  }

  /// A model's features for predict.
  static func features(_ x: Value, for net: Sequential) throws -> Tensor {
    guard let graph = net.graph else { return try features(x) }
    return try graphInputs(x, graph)
  }

  /// predict's result: a graph with several outputs gives a table keyed by output name.
  static func predictions(_ y: Tensor, for net: Sequential) -> Value {
    guard let graph = net.graph else { return .tensor(y) }
    let parts = graph.unpackOutputs(y)
    if parts.count == 1 { return .tensor(parts[0]) }
    return .table(zip(graph.outputNames, parts).map { ($0, .tensor($1)) })
  }

  /// `validation_data` for a graph model: {x, y} with each a tensor or a table.
  static func validation(_ v: Value, for net: Sequential) throws -> (Tensor, Tensor) {
    guard let graph = net.graph else { return try validation(v) }
    switch v {
    case .list(let items) where items.count == 2:
      return (try graphInputs(items[0], graph, what: "validation x"), try graphTargets(items[1], graph, what: "validation y"))
    case .object(let o as LabeledData):
      return (try graph.packInputs([o.features]), try graph.packTargets([o.targets]))
    default: throw CatalogError("option 'validation_data' expects {x, y} or a data set, got \(v.summary)")
    }
  }

  /// compile's per-output settings: one value for all, a list by position or a table keyed
  /// by output name (outputs left out take `fallback`, or are an error without one).
  static func perOutput<T>(_ v: Value?, names: [String], option: String, fallback: T?, _ convert: (Value) throws -> T) throws -> [T] {
    func missing(_ name: String) -> CatalogError { CatalogError("option '\(option)' has nothing for the output '\(name)'") }
    switch v {
    case nil, .some(.none):
      guard let fallback else { throw missing(names[0]) }
      return names.map { _ in fallback }
    case .table(let pairs)?:
      for (k, _) in pairs where !names.contains(k) {
        throw CatalogError("option '\(option)': the model has no output named '\(k)'; its outputs are \(names.map { "'\($0)'" }.joined(separator: ", "))")
      }
      return try names.map { name in
        if let item = pairs.first(where: { $0.key == name })?.value { return try convert(item) }
        guard let fallback else { throw missing(name) }
        return fallback
      }
    case .list(let items)? where items.count == names.count && names.count > 1:
      return try items.map(convert)
    case let other?:
      let one = try convert(other)
      return names.map { _ in one }
    }
  }
}

extension Value {
  var isNone: Bool { if case .none = self { return true } else { return false } }
}
