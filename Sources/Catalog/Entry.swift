import Tensors

/// One function of the scripting API, declared once: its name, documentation, positional
/// parameters, named options and results, and the core call it makes. Hosts expose it,
/// `crescent doc` prints it and `crescent types` writes its editor definition from this.
public struct Entry {
  /// The namespace it lives in (`tensor`, `nn`, `metrics`).
  public let module: String
  public let name: String
  public let summary: String
  public let parameters: [Parameter]
  /// Named options, given as a trailing table.
  public let options: [Parameter]
  public let returns: [Returned]
  /// Also callable as a method of this object type (`a:matmul(b)`); the first parameter is self.
  public let methodOf: String?
  /// Also serves as this metamethod of `methodOf` (`__add`, `__tostring`, ...).
  public let metamethod: String?
  /// Extra paragraphs for the reference.
  public let details: String?
  let body: (Arguments) throws -> [Value]

  public init(module: String, name: String, summary: String, parameters: [Parameter] = [],
              options: [Parameter] = [], returns: [Returned] = [], methodOf: String? = nil,
              metamethod: String? = nil, details: String? = nil,
              body: @escaping (Arguments) throws -> [Value]) {
    self.module = module
    self.name = name
    self.summary = summary
    self.parameters = parameters
    self.options = options
    self.returns = returns
    self.methodOf = methodOf
    self.metamethod = metamethod
    self.details = details
    self.body = body
  }

  /// How scripts name it: `tensor.matmul` for a module function (tensor functions are also
  /// methods), `Model:fit` for a method of an object type that lives in another module.
  public var qualifiedName: String { isMethodOnly ? "\(methodOf!):\(name)" : "\(module).\(name)" }

  /// A method of an object type whose functions are not a module of the same name.
  public var isMethodOnly: Bool { methodOf.map { $0.lowercased() != module } ?? false }

  /// Checks `arguments` against the declaration, converts them, and calls the core.
  /// Every failure, the core's included, comes back as a `CatalogError` naming this entry.
  public func call(_ arguments: [Value]) throws -> [Value] {
    do {
      return try body(try Arguments(entry: self, raw: arguments))
    } catch let e as TensorError {
      throw CatalogError("\(qualifiedName): \(e.message)")
    } catch let e as CatalogError {
      throw e.prefixed(qualifiedName)
    }
  }
}

/// One declared result.
public struct Returned {
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
