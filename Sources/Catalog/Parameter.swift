/// One declared input of a catalog entry: a positional argument or a named option.
public struct Parameter: Sendable {
  public let name: String
  public let type: ValueType
  public let doc: String
  /// The value used when the caller gives none; nil means the parameter is required
  /// (unless `optional`).
  public var defaultValue: Value? { storedDefault?.value }
  private let storedDefault: ConstantValue?
  /// May be left out with no default (the entry then sees `.none`).
  public let optional: Bool
  /// Takes all remaining positional arguments (declared last).
  public let variadic: Bool
  /// The lua-language-server type when it is narrower than `type` can check (a list of
  /// callback objects or hook tables, checked one by one by the entry itself).
  public let editorType: String?

  public init(_ name: String, _ type: ValueType, _ doc: String, default defaultValue: Value? = nil,
              optional: Bool = false, variadic: Bool = false, editorType: String? = nil) {
    self.editorType = editorType
    self.name = name
    self.type = type
    self.doc = doc
    self.storedDefault = defaultValue.map(ConstantValue.init)
    self.optional = optional || defaultValue != nil
    self.variadic = variadic
  }

  public var isRequired: Bool { !optional && !variadic }

  /// The type the editor type file gives it.
  public var luaType: String { editorType ?? type.luaType }
}

/// A default value, kept in a declaration that is shared between threads.
///
/// `@unchecked Sendable` because `Value` as a whole is not Sendable (it can hold a core object
/// or a host function, which belong to one run). A default may only be built from the cases
/// that are values (nil, booleans, numbers, strings, tensors, and tables of those), which the
/// initializer checks, so what is stored is never mutated or shared by reference.
private struct ConstantValue: @unchecked Sendable {
  let value: Value

  init(_ value: Value) {
    // Not reachable from a script or a file: defaults are written in the libraries'
    // declarations, or parsed by the plugin loader into a number, a boolean or a string.
    precondition(ConstantValue.isConstant(value), "a parameter default must be a constant, got \(value.summary)")
    self.value = value
  }

  static func isConstant(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .integer, .number, .string, .tensor: return true
    case .list(let items): return items.allSatisfy(isConstant)
    case .table(let pairs): return pairs.allSatisfy { isConstant($0.value) }
    case .mixed(let items, let pairs): return items.allSatisfy(isConstant) && pairs.allSatisfy { isConstant($0.value) }
    case .object, .function: return false
    }
  }
}

extension Value {
  /// How a default prints in the reference and the type file.
  public var literal: String {
    switch self {
    case .none: return "nil"
    case .bool(let b): return String(b)
    case .integer(let i): return String(i)
    case .number(let d): return fmt(d)
    case .string(let s): return "\"\(s)\""
    case .list(let items): return "{" + items.map(\.literal).joined(separator: ", ") + "}"
    case .table(let pairs): return "{" + pairs.map { "\($0.key) = \($0.value.literal)" }.joined(separator: ", ") + "}"
    case .mixed(let items, let pairs):
      return "{" + (items.map(\.literal) + pairs.map { "\($0.key) = \($0.value.literal)" }).joined(separator: ", ") + "}"
    case .tensor(let t): return "tensor(\(t.shape.map(String.init).joined(separator: "x")))"
    case .object(let o): return type(of: o).typeName
    case .function: return "function"
    }
  }
}
