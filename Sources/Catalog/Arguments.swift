import Tensors

/// The checked, converted arguments of one call, by parameter name.
public struct Arguments {
  public let entry: Entry
  /// The run the call belongs to: its random streams, output, run log and catalog.
  public let session: Session
  /// The checked values: the parameters in declaration order, then the options.
  private var slots: [Value]

  init(entry: Entry, raw: [Value], session: Session) throws {
    self.entry = entry
    self.session = session
    slots = Array(repeating: .none, count: entry.parameters.count + entry.options.count)
    var positional = raw
    // A trailing record is the options table when the entry declares options.
    var options: [(key: String, value: Value)] = []
    let fixed = entry.parameters.filter { !$0.variadic }.count
    if let last = positional.last {
      // Past the fixed parameters, or where an optional parameter that takes no table is left
      // out (`x:sum({})`, `model:fit(train, {})`), a trailing table is the options table. An
      // entry without options still accepts an empty one (`callbacks.TerminateOnNaN{}`) and
      // names what it does not know in a non-empty one.
      let pastFixed = positional.count > fixed && (!entry.options.isEmpty || !Arguments.variadicTakesTables(entry))
      let optionsPlace = pastFixed || Arguments.leavesOut(entry, at: positional.count - 1)
      switch last {
      case .list(let items) where items.isEmpty && optionsPlace: positional.removeLast()
      case .table(let pairs) where pairs.isEmpty && (optionsPlace || !entry.options.isEmpty): positional.removeLast()
      case .table(let pairs) where !pastFixed && !entry.options.isEmpty && Arguments.takesRecord(entry, at: positional.count - 1)
        && pairs.contains(where: { p in !entry.options.contains { $0.name == p.key } }):
        // A record argument (`model:evaluate(x, {labels = y, count = k})`): a key that is no
        // option says it is not the options table.
        break
      case .table(let pairs) where entry.options.isEmpty:
        if pastFixed { throw CatalogError("unknown option '\(pairs[0].key)': \(entry.name) takes no options") }
      case .table(let pairs): options = pairs; positional.removeLast()
      case .mixed(let items, let pairs) where !entry.options.isEmpty:
        // `f{a, b, key = v}`: the items are the positional arguments, the fields the options.
        options = pairs
        positional.removeLast()
        positional.append(.list(items))
      default: break
      }
    }
    // Trailing nils are absent arguments.
    while case .none? = positional.last { positional.removeLast() }

    var index = 0
    for (slot, p) in entry.parameters.enumerated() {
      if p.variadic {
        var rest = Array(positional[index...])
        if rest.count == 1, case .list(let items) = rest[0] { rest = items }
        let checked = try rest.enumerated().map { k, v in
          try Arguments.check(v, against: p.type, what: "argument \(index + k + 1) ('\(p.name)')")
        }
        slots[slot] = .list(checked)
        index = positional.count
        continue
      }
      let given: Value = index < positional.count ? positional[index] : .none
      index += 1
      if case .none = given {
        if let d = p.defaultValue { slots[slot] = d; continue }
        if p.optional { continue }
        throw CatalogError("argument \(index) ('\(p.name)') is missing: expected \(p.type.description)")
      }
      slots[slot] = try Arguments.check(given, against: p.type, what: "argument \(index) ('\(p.name)')")
    }
    if index < positional.count {
      let limit = entry.parameters.count
      throw CatalogError("takes \(limit) argument\(limit == 1 ? "" : "s")\(entry.options.isEmpty ? "" : " and an options table"), got \(positional.count) (extra: \(positional[index].summary))")
    }

    let first = entry.parameters.count
    for (key, value) in options {
      guard let k = entry.options.firstIndex(where: { $0.name == key }) else {
        let hint = Suggest.closest(to: key, among: entry.options.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
        let known = entry.options.map(\.name).joined(separator: ", ")
        throw CatalogError("unknown option '\(key)'\(hint); options are: \(known)")
      }
      if case .none = value { continue }
      let p = entry.options[k]
      slots[first + k] = try Arguments.check(value, against: p.type, what: "option '\(p.name)'")
    }
    for (k, p) in entry.options.enumerated() {
      guard case .none = slots[first + k] else { continue }
      if let d = p.defaultValue { slots[first + k] = d }
      else if p.isRequired { throw CatalogError("option '\(p.name)' is required: expected \(p.type.description)") }
    }
  }

  /// Whether an empty table at `index` (from 0) stands for options after an optional argument
  /// left out: the parameter there is optional and does not take a table.
  static func leavesOut(_ entry: Entry, at index: Int) -> Bool {
    let fixed = entry.parameters.filter { !$0.variadic }
    guard index < fixed.count else { return !variadicTakesTables(entry) }
    return !fixed[index].isRequired && !takesTable(fixed[index].type)
  }

  /// Whether the fixed parameter at `index` (from 0) takes a record.
  static func takesRecord(_ entry: Entry, at index: Int) -> Bool {
    let fixed = entry.parameters.filter { !$0.variadic }
    guard index >= 0, index < fixed.count else { return false }
    return (try? check(.table([("k", .integer(0))]), against: fixed[index].type, what: "")) != nil
  }

  /// Whether a parameter of this type takes a table: a list, a record or any value. A tensor
  /// literal does not count: an empty one is never meant.
  static func takesTable(_ type: ValueType) -> Bool {
    switch type {
    case .list, .record, .any: return true
    case .either(let a, let b): return takesTable(a) || takesTable(b)
    default: return false
    }
  }

  /// Whether the entry's variadic parameter, if any, would take a trailing table as one of its values.
  static func variadicTakesTables(_ entry: Entry) -> Bool {
    guard let p = entry.parameters.first(where: \.variadic) else { return false }
    return (try? check(.list([]), against: p.type, what: p.name)) != nil
      || (try? check(.table([("k", .none)]), against: p.type, what: p.name)) != nil
  }

  /// Checks one value and converts it to the canonical form for its type.
  static func check(_ v: Value, against type: ValueType, what: String) throws -> Value {
    func fail() -> CatalogError { CatalogError("\(what) expects \(type.description), got \(v.summary)") }
    switch type {
    case .any: return v
    case .bool:
      if case .bool = v { return v }
      throw fail()
    case .integer, .positiveInteger, .nonNegativeInteger:
      let i: Int
      switch v {
      case .integer(let x): i = x
      case .number(let d) where d == d.rounded() && abs(d) < 9.0e15: i = Int(d)
      default: throw fail()
      }
      if case .positiveInteger = type, i <= 0 { throw fail() }
      if case .nonNegativeInteger = type, i < 0 { throw fail() }
      return .integer(i)
    case .number, .numberIn, .numberAtLeast, .numberAbove, .numberInHalfOpen:
      let d: Double
      switch v {
      case .integer(let x): d = Double(x)
      case .number(let x): d = x
      default: throw fail()
      }
      if !type.admits(d) { throw fail() }
      return .number(d)
    case .string:
      if case .string = v { return v }
      throw fail()
    case .oneOf(let names):
      guard case .string(let s) = v else { throw fail() }
      if names.contains(s) { return v }
      let hint = Suggest.closest(to: s, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
      throw CatalogError("\(what) expects \(type.description), got \"\(s)\"\(hint)")
    case .tensor:
      if case .tensor = v { return v }
      throw fail()
    case .tensorOrNumber:
      switch v {
      case .tensor: return v
      case .integer(let i): return .number(Double(i))
      case .number: return v
      default: throw fail()
      }
    case .tensorLike:
      switch v {
      case .tensor: return v
      case .integer(let i): return .tensor(Tensor(scalar: Float(i)))
      case .number(let d): return .tensor(Tensor(scalar: Float(d)))
      case .list:
        do { return .tensor(try TensorLiteral.tensor(from: v)) } catch let e as TensorError {
          throw CatalogError("\(what) expects \(type.description): \(e.message)")
        }
      default: throw fail()
      }
    case .list(let element):
      guard case .list(let items) = v else { throw fail() }
      return .list(try items.enumerated().map { k, item in
        try check(item, against: element, what: "\(what) item \(k + 1)")
      })
    case .record:
      switch v {
      case .table: return v
      case .list(let items) where items.isEmpty: return .table([])
      default: throw fail()
      }
    case .function:
      if case .function = v { return v }
      throw fail()
    case .object(let name):
      if case .object(let o) = v, Swift.type(of: o).typeName == name { return v }
      throw fail()
    case .either(let a, let b):
      var itemError: CatalogError?
      for t in [a, b] {
        do { return try check(v, against: t, what: what) } catch let e as CatalogError {
          // A list that fits the list form but for one item: name that item.
          if case .list = v, case .list = t, e.message.hasPrefix(what + " item ") { itemError = e }
        }
      }
      if let e = itemError {
        throw CatalogError("\(what) expects \(type.description), but\(e.message.dropFirst(what.count))")
      }
      throw fail()
    }
  }

  // MARK: - Typed access (values were checked against the declaration)

  /// The value of a declared argument or option, as the type it was declared with.
  public subscript<T>(_ arg: Arg<T>) -> T {
    get throws {
      let slot = Declarer.resolve(arg.slot, parameterCount: entry.parameters.count)
      guard arg.owner == entry.declarer.map(ObjectIdentifier.init), slots.indices.contains(slot) else {
        throw CatalogError("reads '\(arg.name)', which its declaration does not list")
      }
      guard let v = arg.convert(slots[slot]) else {
        throw CatalogError("'\(arg.name)' is declared as \(declared(slot).type.description) but read as \(T.self)")
      }
      return v
    }
  }

  private func declared(_ slot: Int) -> Parameter {
    slot < entry.parameters.count ? entry.parameters[slot] : entry.options[slot - entry.parameters.count]
  }
}
