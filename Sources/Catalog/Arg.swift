/// One declared argument or option of an entry, as its body reads it: `try a[units]` is an
/// `Int`. Only the entry's `Declarer` makes them, inside the declaration, so a body can read
/// only what its entry declares and only as the type it was declared with.
public struct Arg<T>: Sendable {
  /// Where its value sits among the entry's checked arguments (parameters, then options).
  @usableFromInline let slot: Int
  /// Which entry declared it: reading another entry's argument is an error, not a wrong value.
  /// Held, not identified by address: a freed declaration's address may be a new one's.
  @usableFromInline let owner: Declarer.Identity
  public let name: String
  @usableFromInline let convert: @Sendable (Value) -> T?

  @usableFromInline init(slot: Int, owner: Declarer.Identity, name: String, convert: @escaping @Sendable (Value) -> T?) {
    self.slot = slot
    self.owner = owner
    self.name = name
    self.convert = convert
  }
}

/// Collects an entry's parameters and options while its declaration runs, handing out the
/// typed `Arg`s its body reads.
public final class Declarer {
  public private(set) var parameters: [Parameter] = []
  public private(set) var options: [Parameter] = []
  @usableFromInline let identity = Identity()
  @usableFromInline final class Identity: Sendable { init() {} }

  init() {}

  /// Adds `p` and says where its value will sit. The generic shorthands below are inlinable so
  /// that each declaration is specialised where it is written: building the catalog at start-up
  /// then looks up no generic metadata.
  @usableFromInline func add(_ p: Parameter, option: Bool) -> (slot: Int, owner: Identity) {
    if option {
      options.append(p)
      // Options sit after every parameter; their slots are fixed once the declaration ends.
      return (-options.count, identity)
    }
    parameters.append(p)
    return (parameters.count - 1, identity)
  }

  /// Positional parameter `p`, read as `T`.
  @inlinable public func parameter<T: ScriptType>(_ p: Parameter, _ type: T.Type) -> Arg<T> {
    let (slot, owner) = add(p, option: false)
    return Arg(slot: slot, owner: owner, name: p.name, convert: { T(scriptValue: $0) })
  }

  /// Option `p`, read as `T`.
  @inlinable public func option<T: ScriptType>(_ p: Parameter, _ type: T.Type) -> Arg<T> {
    let (slot, owner) = add(p, option: true)
    return Arg(slot: slot, owner: owner, name: p.name, convert: { T(scriptValue: $0) })
  }

  // MARK: - Shorthands

  /// A required positional parameter, checked against `type` (default: `T`'s own).
  @inlinable public func parameter<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                       editorType: String? = nil) -> Arg<T> {
    parameter(Parameter(name, type ?? T.valueType, doc, editorType: editorType), t)
  }

  /// A positional parameter that may be left out, taking `default` then.
  @inlinable public func parameter<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                       default value: T) -> Arg<T> {
    parameter(Parameter(name, type ?? T.valueType, doc, default: value.scriptValue), t)
  }

  /// A positional parameter that may be left out (nil then).
  @inlinable public func optionalParameter<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                               editorType: String? = nil) -> Arg<T?> {
    parameter(Parameter(name, type ?? T.valueType, doc, optional: true, editorType: editorType), T?.self)
  }

  /// The remaining positional arguments, each checked against `element` (default: `T`'s own).
  @inlinable public func variadic<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as element: ValueType? = nil,
                                      editorType: String? = nil) -> Arg<[T]> {
    parameter(Parameter(name, element ?? T.valueType, doc, variadic: true, editorType: editorType), [T].self)
  }

  /// An option with a default.
  @inlinable public func option<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                    default value: T, editorType: String? = nil) -> Arg<T> {
    option(Parameter(name, type ?? T.valueType, doc, default: value.scriptValue, editorType: editorType), t)
  }

  /// An option that may be left out (nil then).
  @inlinable public func option<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                    editorType: String? = nil) -> Arg<T?> {
    option(Parameter(name, type ?? T.valueType, doc, optional: true, editorType: editorType), T?.self)
  }

  /// An option the caller must give.
  @inlinable public func requiredOption<T: ScriptType>(_ name: String, _ t: T.Type, _ doc: String, as type: ValueType? = nil,
                                            editorType: String? = nil) -> Arg<T> {
    option(Parameter(name, type ?? T.valueType, doc, editorType: editorType), t)
  }

  /// An object parameter (`model`), read as its class.
  @inlinable public func object<T: CatalogObject & SendableMetatype>(_ name: String, _ t: T.Type, _ doc: String) -> Arg<T> {
    let (slot, owner) = add(Parameter(name, .object(T.typeName), doc), option: false)
    return Arg(slot: slot, owner: owner, name: name) { v in
      if case .object(let o) = v { return o as? T }
      return nil
    }
  }

  /// The slot an option's `Arg` reads, given how many parameters were declared.
  @inlinable static func resolve(_ slot: Int, parameterCount: Int) -> Int {
    slot >= 0 ? slot : parameterCount + (-slot - 1)
  }
}
