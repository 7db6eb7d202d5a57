import Tensors

/// A host-neutral value crossing between a scripting host and the core libraries.
///
/// Hosts convert their own values to and from this enum; the catalog checks and converts
/// `Value`s against each entry's declared parameters, so the core never sees a host type.
///
/// Not `indirect`: its payloads sit in the value itself (lists and tables nest through their
/// arrays), so making a number or a tensor argument allocates nothing.
public enum Value {
  case none
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  /// A sequence (a Lua table with keys 1...n, or an empty table).
  case list([Value])
  /// A record with string keys, in the host's iteration order.
  case table([(key: String, value: Value)])
  /// A table with both list items and named fields (`nn.Sequential{input_dim = 4, layer}`).
  case mixed(items: [Value], fields: [(key: String, value: Value)])
  case tensor(Tensor)
  /// A core object exposed to scripts (a model, an optimizer, ...).
  case object(AnyObject & CatalogObject)
  /// A function the host can call back (a Lua function).
  case function(HostFunction)

  /// How the value is named in error messages: `a string "abc"`, `a 3x4 tensor`, `a table`.
  public var summary: String {
    switch self {
    case .none: return "nil"
    case .bool(let b): return "a boolean (\(b))"
    case .integer(let i): return "an integer (\(i))"
    case .number(let d): return "a number (\(Tensor.format(Float(d))))"
    case .string(let s):
      let shown = s.count > 40 ? String(s.prefix(40)) + "..." : s
      return "a string \"\(shown)\""
    case .list(let items): return items.isEmpty ? "an empty table" : "a list of \(items.count)"
    case .table(let pairs) where !pairs.isEmpty && pairs.allSatisfy({ Int($0.key) != nil }):
      let shown = pairs.prefix(8).map(\.key).joined(separator: ", ") + (pairs.count > 8 ? ", ..." : "")
      return "a list with holes (positions \(shown))"
    case .table, .mixed: return "a table"
    case .tensor(let t): return "a \(describeShape(t.shape)) tensor"
    case .object(let o): return Article.indefinite(type(of: o).typeName)
    case .function: return "a function"
    }
  }

  /// Whether it is nil.
  var isNone: Bool {
    if case .none = self { return true }
    return false
  }

  /// The value of key `key` in a record.
  public subscript(key: String) -> Value? {
    switch self {
    case .table(let pairs), .mixed(_, let pairs): return pairs.first { $0.key == key }?.value
    default: return nil
    }
  }
}

/// A core object that scripts can hold; its methods are catalog entries of `typeName`, and
/// its read-only fields are `properties`.
public protocol CatalogObject: AnyObject, SendableMetatype {
  static var typeName: String { get }
  /// The fields scripts may read (`ds.n_features`), declared for the reference and editors.
  static var properties: [Property] { get }
  /// The value of a declared property.
  func property(_ name: String) -> Value?
  /// Sets a property declared `settable`, with a value already checked against its type.
  func setProperty(_ name: String, to value: Value) throws
}

extension CatalogObject {
  public static var properties: [Property] { [] }
  public func property(_ name: String) -> Value? { nil }
  public func setProperty(_ name: String, to value: Value) throws {
    throw CatalogError("field '\(name)' of \(Article.indefinite(Self.typeName)) cannot be set")
  }
}

/// A field of an object type: read-only unless declared `settable`.
public struct Property: Sendable {
  public let name: String
  public let type: ValueType
  public let doc: String
  /// Scripts may assign it (`model.stop_training = true`).
  public let settable: Bool
  /// A table the script fills in place (`run.info.notes = "..."`): every read gives the same
  /// host table, and the host hands its contents back with `setProperty` when the script is done
  /// with the object (the value `property` gives is only its starting content).
  public let filledByScript: Bool
  public init(_ name: String, _ type: ValueType, _ doc: String, settable: Bool = false, filledByScript: Bool = false) {
    self.name = name
    self.type = type
    self.doc = doc
    self.settable = settable
    self.filledByScript = filledByScript
  }
}

/// A callable provided by the host (for callbacks into scripts).
public final class HostFunction {
  public let call: ([Value]) throws -> [Value]
  private let callReading: (([Value]) throws -> (results: [Value], arguments: [Value]))?

  public init(_ call: @escaping ([Value]) throws -> [Value],
              readingArguments: (([Value]) throws -> (results: [Value], arguments: [Value]))? = nil) {
    self.call = call
    self.callReading = readingArguments
  }

  /// Calls it and reads the arguments back afterwards, so what the function wrote into a table
  /// argument (a hook adding to its `logs`) is seen; a host that cannot read back gives the
  /// arguments as they were passed.
  public func callReadingArguments(_ args: [Value]) throws -> (results: [Value], arguments: [Value]) {
    if let callReading { return try callReading(args) }
    return (try call(args), args)
  }
}
