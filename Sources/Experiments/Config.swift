import Catalog

/// An experiment's configuration: a tree of records (string keys) whose leaves are numbers,
/// strings, booleans and lists. Built from the script's declared defaults, then named configs,
/// then `key=value` overrides, remembering what each step changed.
public struct Config {
  /// The tree, as a record.
  public private(set) var root: Value
  /// What changed, by dotted path (`optim.beta1`).
  public private(set) var changes: [String: ConfigChange] = [:]

  public init() { root = .table([]) }

  /// Declared defaults: `record` merged into the tree (nested records merge, other values replace).
  public mutating func declare(_ record: Value, under prefix: [String] = []) throws {
    let pairs = try Config.pairs(of: record, what: prefix.isEmpty ? "a config" : "the config of '\(prefix.joined(separator: "."))'")
    for (key, value) in pairs { try set(prefix + [key], value, mark: nil, mergeRecords: true) }
  }

  /// A named config: its keys replace (or add to) the tree, marked with its name.
  public mutating func apply(named name: String, _ record: Value) throws {
    for (path, value) in Config.leaves(of: record, prefix: []) {
      let exists = lookup(path) != nil
      try set(path, value, mark: exists ? .changedBy(name) : .addedBy(name), mergeRecords: false)
    }
  }

  /// A `with key=value` override. The key must exist; a near miss is suggested.
  public mutating func override(_ dottedKey: String, with value: Value) throws {
    let path = dottedKey.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !path.contains(where: \.isEmpty) else { throw ConfigError("override '\(dottedKey)': the key has an empty part") }
    var node = root
    var walked: [String] = []
    for (i, key) in path.enumerated() {
      guard case .table(let pairs) = node else {
        throw ConfigError("override '\(dottedKey)': '\(walked.joined(separator: "."))' is not a table of settings, so it has no '\(key)'")
      }
      guard let next = pairs.first(where: { $0.key == key })?.value else {
        let names = pairs.map(\.key)
        let hint = Suggest.closest(to: key, among: names).map { " (did you mean '\((walked + [$0]).joined(separator: "."))'?)" } ?? ""
        let scope = walked.isEmpty ? "the config" : "'\(walked.joined(separator: "."))'"
        throw ConfigError("override '\(dottedKey)': \(scope) has no key '\(key)'\(hint); keys are: \(names.joined(separator: ", "))")
      }
      walked.append(key)
      if i == path.count - 1 {
        let old = Config.typeName(next), new = Config.typeName(value)
        try set(path, value, mark: old == new ? .changed : .retyped(from: old), mergeRecords: false)
      }
      node = next
    }
  }

  /// Sets an undeclared value and says why it is there (the seed drawn for a run).
  public mutating func add(_ key: String, _ value: Value, as change: ConfigChange) throws {
    try set([key], value, mark: change, mergeRecords: false)
  }

  /// Replaces the whole tree (after derived values were computed by the script).
  public mutating func replaceRoot(_ record: Value) throws {
    root = Config.sorted(.table(try Config.pairs(of: record, what: "a derived config")))
  }

  /// The value at `path`, if there is one.
  public func lookup(_ path: [String]) -> Value? {
    var node = root
    for key in path {
      guard case .table(let pairs) = node, let next = pairs.first(where: { $0.key == key })?.value else { return nil }
      node = next
    }
    return node
  }

  public subscript(key: String) -> Value? { lookup(key.split(separator: ".").map(String.init)) }

  // MARK: - Tree edits

  private mutating func set(_ path: [String], _ value: Value, mark: ConfigChange?, mergeRecords: Bool) throws {
    root = try Config.setting(root, path[...], value, mergeRecords: mergeRecords, at: [])
    if let mark { changes[path.joined(separator: ".")] = mark }
  }

  private static func setting(_ node: Value, _ path: ArraySlice<String>, _ value: Value, mergeRecords: Bool,
                              at walked: [String]) throws -> Value {
    guard let key = path.first else {
      if mergeRecords, case .table = node, case .table(let pairs) = value {
        var merged = node
        for (k, v) in pairs { merged = try setting(merged, [k][...], v, mergeRecords: true, at: walked) }
        return merged
      }
      return sorted(normalised(value))
    }
    var pairs: [(key: String, value: Value)]
    switch node {
    case .table(let p): pairs = p
    case .list(let items) where items.isEmpty: pairs = []
    default:
      throw ConfigError("'\(walked.joined(separator: "."))' is \(typeName(node)), not a table of settings, so it cannot hold '\(key)'")
    }
    let child = pairs.first { $0.key == key }?.value ?? .table([])
    let updated = try setting(child, path.dropFirst(), value, mergeRecords: mergeRecords, at: walked + [key])
    if let i = pairs.firstIndex(where: { $0.key == key }) { pairs[i].value = updated } else { pairs.append((key, updated)) }
    return .table(pairs.sorted { $0.key < $1.key })
  }

  /// Records with keys in a stable (sorted) order, all the way down.
  static func sorted(_ v: Value) -> Value {
    switch v {
    case .table(let pairs): return .table(pairs.map { ($0.key, sorted($0.value)) }.sorted { $0.key < $1.key })
    case .list(let items): return .list(items.map(sorted))
    default: return v
    }
  }

  /// Values a config may hold: records, lists, numbers, strings, booleans.
  static func normalised(_ v: Value) -> Value {
    if case .mixed(let items, let fields) = v { return .table(items.enumerated().map { ("\($0.offset + 1)", $0.element) } + fields) }
    return v
  }

  static func pairs(of record: Value, what: String) throws -> [(key: String, value: Value)] {
    switch record {
    case .table(let pairs): return pairs
    case .list(let items) where items.isEmpty: return []
    default: throw ConfigError("\(what) must be a table of named settings, got \(record.summary)")
    }
  }

  /// The leaves of a record by path; nested records are walked, lists are leaves.
  static func leaves(of v: Value, prefix: [String]) -> [([String], Value)] {
    guard case .table(let pairs) = v, !pairs.isEmpty || prefix.isEmpty else { return [(prefix, v)] }
    return pairs.sorted { $0.key < $1.key }.flatMap { leaves(of: $0.value, prefix: prefix + [$0.key]) }
  }

  /// The type a person would name: integers and reals are both numbers.
  static func typeName(_ v: Value) -> String {
    switch v {
    case .none: return "nil"
    case .bool: return "boolean"
    case .integer, .number: return "number"
    case .string: return "string"
    case .list: return "list"
    case .table, .mixed: return "table"
    case .tensor: return "tensor"
    case .object(let o): return type(of: o).typeName
    case .function: return "function"
    }
  }
}
