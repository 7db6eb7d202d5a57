import Tensors

/// The checked, converted arguments of one call, by parameter name.
public struct Arguments {
  public let entry: Entry
  /// The run the call belongs to: its random streams, output, run log and catalog.
  public let session: Session
  /// The checked values: the parameters in declaration order, then the options.
  @usableFromInline var slots: [Value]

  /// `slots`: an empty buffer whose capacity the checked values may reuse (a host passes the
  /// one the previous call gave back through `takeSlots`).
  init(entry: Entry, raw: [Value], session: Session, slots buffer: consuming [Value] = []) throws {
    self.entry = entry
    self.session = session
    let plan = entry.storage
    let parameters = plan.parameterPlans, declaredOptions = plan.optionPlans
    slots = consume buffer
    slots.append(contentsOf: repeatElement(Value.none, count: parameters.count + declaredOptions.count))
    var positional = raw
    // A trailing record is the options table when the entry declares options.
    var options: [(key: String, value: Value)] = []
    let fixed = plan.fixedCount
    if let last = positional.last {
      // Past the fixed parameters, or where an optional parameter that takes no table is left
      // out (`x:sum({})`, `model:fit(train, {})`), a trailing table is the options table. An
      // entry without options still accepts an empty one (`callbacks.TerminateOnNaN{}`) and
      // names what it does not know in a non-empty one.
      switch last {
      case .list, .table, .mixed:
        let pastFixed = positional.count > fixed && (!declaredOptions.isEmpty || !plan.variadicTakesTables)
        let optionsPlace = pastFixed || Arguments.leavesOut(entry, at: positional.count - 1)
        switch last {
        case .list(let items) where items.isEmpty && optionsPlace: positional.removeLast()
        case .table(let pairs) where pairs.isEmpty && (optionsPlace || !declaredOptions.isEmpty): positional.removeLast()
        case .table(let pairs) where !pastFixed && !declaredOptions.isEmpty && Arguments.takesRecord(entry, at: positional.count - 1)
          && pairs.contains(where: { p in !declaredOptions.contains { $0.name == p.key } }):
          // A record argument (`model:evaluate(x, {labels = y, count = k})`): a key that is no
          // option says it is not the options table.
          break
        case .table(let pairs) where declaredOptions.isEmpty:
          if pastFixed { throw CatalogError("unknown option '\(pairs[0].key)': \(entry.name) takes no options") }
        case .table(let pairs): options = pairs; positional.removeLast()
        case .mixed(let items, let pairs) where !declaredOptions.isEmpty:
          // `f{a, b, key = v}`: the items are the positional arguments, the fields the options.
          options = pairs
          positional.removeLast()
          positional.append(.list(items))
        default: break
        }
      default: break
      }
    }
    // Trailing nils are absent arguments.
    while case .none? = positional.last { positional.removeLast() }

    var index = 0
    for slot in parameters.indices {
      let p = parameters[slot]
      if p.variadic {
        var rest = Array(positional[index...])
        if rest.count == 1, case .list(let items) = rest[0] { rest = items }
        let checked = try rest.enumerated().map { k, v in
          try p.check(v, what: "argument \(index + k + 1) ('\(p.name)')")
        }
        slots[slot] = .list(checked)
        index = positional.count
        continue
      }
      index += 1
      guard index <= positional.count, !positional[index - 1].isNone else {
        if let d = p.defaultValue { slots[slot] = d; continue }
        if p.optional { continue }
        throw CatalogError("argument \(index) ('\(p.name)') is missing: expected \(p.type.description)")
      }
      slots[slot] = try p.check(positional[index - 1], what: "argument \(index) ('\(p.name)')")
    }
    if index < positional.count {
      let limit = parameters.count
      throw CatalogError("takes \(limit) argument\(limit == 1 ? "" : "s")\(declaredOptions.isEmpty ? "" : " and an options table"), got \(positional.count) (extra: \(positional[index].summary))")
    }

    guard !declaredOptions.isEmpty else { return }
    let first = parameters.count
    for (key, value) in options {
      guard let k = declaredOptions.firstIndex(where: { $0.name == key }) else {
        let hint = Suggest.closest(to: key, among: declaredOptions.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
        let known = declaredOptions.map(\.name).joined(separator: ", ")
        throw CatalogError("unknown option '\(key)'\(hint); options are: \(known)")
      }
      if case .none = value { continue }
      let p = declaredOptions[k]
      slots[first + k] = try p.check(value, what: "option '\(p.name)'")
    }
    for (k, p) in declaredOptions.enumerated() {
      guard case .none = slots[first + k] else { continue }
      if let d = p.defaultValue { slots[first + k] = d }
      else if p.isRequired { throw CatalogError("option '\(p.name)' is required: expected \(p.type.description)") }
    }
  }

  /// The checked values' buffer, emptied, for the next call to reuse.
  mutating func takeSlots() -> [Value] {
    slots.removeAll(keepingCapacity: true)
    let buffer = slots
    slots = []
    return buffer
  }

  /// Whether an empty table at `index` (from 0) stands for options after an optional argument
  /// left out: the parameter there is optional and does not take a table.
  static func leavesOut(_ entry: Entry, at index: Int) -> Bool {
    let plan = entry.storage
    guard index < plan.fixedCount else { return !plan.variadicTakesTables }
    return plan.leavesOutAt[index]
  }

  /// Whether the fixed parameter at `index` (from 0) takes a record.
  static func takesRecord(_ entry: Entry, at index: Int) -> Bool {
    let plan = entry.storage
    // The fixed parameters come first: only the last parameter may be variadic.
    guard index >= 0, index < plan.fixedCount else { return false }
    return plan.parameterPlans[index].takesRecord
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
  static func variadicTakesTables(_ entry: Entry) -> Bool { entry.storage.variadicTakesTables }

  /// Checks one value and converts it to the canonical form for its type.
  static func check(_ v: Value, against type: ValueType, what describe: @autoclosure () -> String) throws -> Value {
    // The place is named only when the check fails: a call that passes builds no strings.
    var what: String { describe() }
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

  /// The value of a declared argument or option, as the type it was declared with. Inlinable,
  /// so that each read is specialised in the body that makes it: no generic metadata is looked
  /// up on the call path.
  @inlinable
  public subscript<T>(_ arg: Arg<T>) -> T {
    get throws {
      let slot = Declarer.resolve(arg.slot, parameterCount: entry.parameterCount)
      guard arg.owner === entry.declarer, slots.indices.contains(slot) else { throw undeclared(arg.name) }
      guard let v = arg.convert(slots[slot]) else { throw misread(arg.name, slot, as: T.self) }
      return v
    }
  }

  @usableFromInline func undeclared(_ name: String) -> CatalogError {
    CatalogError("reads '\(name)', which its declaration does not list")
  }

  @usableFromInline func misread(_ name: String, _ slot: Int, as type: Any.Type) -> CatalogError {
    CatalogError("'\(name)' is declared as \(declared(slot).type.description) but read as \(type)")
  }

  private func declared(_ slot: Int) -> Parameter {
    slot < entry.parameters.count ? entry.parameters[slot] : entry.options[slot - entry.parameters.count]
  }
}
