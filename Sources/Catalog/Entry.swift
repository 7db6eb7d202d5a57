import Tensors

/// One function of the scripting API, declared once: its name, documentation, positional
/// parameters, named options and results, and the core call it makes. Hosts expose it,
/// `crescent doc` prints it and `crescent types` writes its editor definition from this.
public struct Entry: Sendable {
  /// Who provides the function and who calls it.
  public enum Kind: Equatable, Sendable {
    /// The catalog's body runs when a script calls it.
    case native
    /// The host defines it in its own script code (the experiment declarations, the spec
    /// functions); the declaration documents it and its tests check that the two agree.
    case scripted
    /// A function the script writes and the library calls (a callback table's `on_epoch_end`):
    /// the parameters are what it is called with, the results what it may return.
    case hook
  }

  /// The namespace it lives in (`tensor`, `nn`, `metrics`).
  public var module: String { storage.module }
  public var name: String { storage.name }
  public var summary: String { storage.summary }
  public var parameters: [Parameter] { storage.parameters }
  /// Named options, given as a trailing table.
  public var options: [Parameter] { storage.options }
  public var returns: [Returned] { storage.returns }
  /// Also callable as a method of this object type (`a:matmul(b)`); the first parameter is self.
  public var methodOf: String? { storage.methodOf }
  /// Also serves as this metamethod of `methodOf` (`__add`, `__tostring`, ...).
  public var metamethod: String? { storage.metamethod }
  /// Extra paragraphs for the reference.
  public var details: String? { storage.details }
  public var kind: Kind { storage.kind }
  /// Scripts call it by its bare name (`ingredient`, `describe`); when the name is the module's,
  /// the module table itself is callable (`experiment "name"`).
  public var global: Bool { storage.global }
  var body: Body { storage.body }
  /// The declaration that handed out the body's `Arg`s (nil for entries without a body).
  @usableFromInline var declarer: Declarer.Identity? { storage.declarer }
  /// How many positional parameters it declares (where its options' slots start).
  @usableFromInline var parameterCount: Int { storage.parameterCount }
  /// Everything above in one shared object: an entry is copied on every call (into its
  /// `Arguments`), which then costs one reference count, not one per field.
  let storage: Storage

  /// The declaration of a function the host defines in script code, or of a hook scripts write.
  public init(module: String, name: String, summary: String, parameters: [Parameter] = [],
              options: [Parameter] = [], returns: [Returned] = [], methodOf: String? = nil,
              details: String? = nil, kind: Kind, global: Bool = false) {
    precondition(kind != .native, "a native entry needs a body")  // cannot be reached from a script: only library declarations create entries of a kind
    let qualified = global ? name : methodOf.map { "\($0):\(name)" } ?? "\(module).\(name)"
    self.init(module: module, name: name, summary: summary, parameters: parameters, options: options, returns: returns,
              methodOf: methodOf, metamethod: nil, details: details, kind: kind, global: global, body: .values { _ in
      throw CatalogError("\(qualified) is \(kind == .hook ? "written by scripts and called by the library" : "defined by the host's script code")")
    })
  }

  /// A native entry declared with types: `declare` lists its parameters and options on the
  /// `Declarer` it is given and returns the body, which reads them through the `Arg`s it got.
  ///
  ///     Entry(module: "nn", name: "Dropout", summary: "...") { d in
  ///       let rate = d.parameter("rate", Float.self, "fraction dropped", as: .numberIn(0, 0.999))
  ///       return { a in [.object(Dropout(rate: try a[rate]))] }
  ///     }
  public init(module: String, name: String, summary: String, returns: [Returned] = [], methodOf: String? = nil,
              metamethod: String? = nil, details: String? = nil, global: Bool = false,
              declare: (Declarer) -> @Sendable (Arguments) throws -> [Value]) {
    let d = Declarer()
    let body = declare(d)
    self.init(module: module, name: name, summary: summary, parameters: d.parameters, options: d.options, returns: returns,
              methodOf: methodOf, metamethod: metamethod, details: details, kind: .native, global: global, body: .values(body),
              declarer: d.identity)
  }

  /// A native entry declared with types whose body returns exactly one value (`x:item()`,
  /// `m:size(1)`): a host pushes it without building an array of results.
  public init(module: String, name: String, summary: String, returns: [Returned] = [], methodOf: String? = nil,
              metamethod: String? = nil, details: String? = nil, global: Bool = false,
              declaringOne declare: (Declarer) -> @Sendable (Arguments) throws -> Value) {
    let d = Declarer()
    let body = declare(d)
    self.init(module: module, name: name, summary: summary, parameters: d.parameters, options: d.options, returns: returns,
              methodOf: methodOf, metamethod: metamethod, details: details, kind: .native, global: global, body: .single(body),
              declarer: d.identity)
  }

  private init(module: String, name: String, summary: String, parameters: [Parameter], options: [Parameter],
               returns: [Returned], methodOf: String?, metamethod: String?, details: String?, kind: Kind, global: Bool,
               body: Body, declarer: Declarer.Identity? = nil) {
    storage = Storage(module: module, name: name, summary: summary, parameters: parameters, options: options,
                      returns: returns, methodOf: methodOf, metamethod: metamethod, details: details, kind: kind,
                      global: global, body: body, declarer: declarer)
  }

  /// How scripts name it: `tensor.matmul` for a module function (tensor functions are also
  /// methods), `Model:fit` for a method of an object type that lives in another module,
  /// `ingredient` for a global function.
  public var qualifiedName: String { storage.qualifiedName }

  /// Whether scripts call it by the same name as `other` (the same `qualifiedName`, compared
  /// without building either string: registration checks every pair).
  func isNamedLike(_ other: Entry) -> Bool {
    guard name == other.name, global == other.global else { return false }
    if global { return true }
    let mine = isMethodOnly ? methodOf : nil, theirs = other.isMethodOnly ? other.methodOf : nil
    return mine == theirs && (mine != nil || module == other.module)
  }

  /// Whether scripts read it from its module's table (`nn.Dense`), as hosts install it.
  public var isModuleField: Bool { kind == .native && !global && !isMethodOnly }

  /// A method of an object type whose functions are not a module of the same name (and every
  /// scripted method or hook).
  public var isMethodOnly: Bool { methodOf.map { $0.lowercased() != module || kind != .native } ?? false }

  /// Checks `arguments` against the declaration, converts them, and calls the core.
  /// Every failure, the core's included, comes back as a `CatalogError` naming this entry.
  /// `session` is the run the call belongs to.
  public func call(_ arguments: [Value], in session: Session) throws -> [Value] {
    var buffer: [Value] = []
    return try call(arguments, in: session, reusing: &buffer)
  }

  /// `call`, with the checked arguments kept in `buffer`'s storage, which comes back emptied
  /// for the next call (a host calling entries over and over allocates it once).
  public func call(_ arguments: [Value], in session: Session, reusing buffer: inout [Value]) throws -> [Value] {
    var results: [Value] = []
    try call(arguments, in: session, reusing: &buffer, into: &results)
    return results
  }

  /// `call`, with the results appended to `results` (emptied by the caller): an entry that
  /// returns one value then allocates no array of its own when `results` has room.
  public func call(_ arguments: [Value], in session: Session, reusing buffer: inout [Value], into results: inout [Value]) throws {
    do {
      var slots: [Value] = []
      swap(&slots, &buffer)
      // Handed over, not shared: the checked arguments append to its storage in place.
      var checked = try Arguments(entry: self, raw: arguments, session: session, slots: consume slots)
      defer { buffer = checked.takeSlots() }
      switch storage.body {
      case .values(let body): results = try body(checked)
      case .single(let body): results.append(try body(checked))
      }
    } catch let e as TensorError {
      throw CatalogError("\(qualifiedName): \(e.message)")
    } catch let e as CatalogError {
      throw e.prefixed(qualifiedName)
    } catch {
      // The core's own error types (a layer's, a config's, a data file's) and a callback's.
      throw CatalogError("\(error)").prefixed(qualifiedName)
    }
  }
}

/// One declared result.
public struct Returned: Sendable {
  public let type: ValueType
  public let doc: String
  public init(_ type: ValueType, _ doc: String) { self.type = type; self.doc = doc }
}

/// A script-facing failure with a complete message.
public struct CatalogError: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }

  /// The message with `name: ` in front, unless it already names an entry.
  func prefixed(_ name: String) -> CatalogError {
    message.hasPrefix(name + ":") ? self : CatalogError("\(name): \(message)")
  }
}
