/// What an argument or option accepts. Each case knows how to describe itself in an error
/// (`a positive integer`), in the reference (`integer > 0`) and in the editor type file.
public indirect enum ValueType: Sendable {
  case any
  case bool
  case integer
  case positiveInteger
  case nonNegativeInteger
  case number
  /// A number within [low, high].
  case numberIn(Double, Double)
  /// A number of at least the bound (a learning rate: >= 0).
  case numberAtLeast(Double)
  /// A number above the bound (an epsilon, a decay factor: > 0).
  case numberAbove(Double)
  /// A number within [low, high) (a momentum or a decay constant: [0, 1)).
  case numberInHalfOpen(Double, Double)
  case string
  /// One of a fixed set of strings.
  case oneOf([String])
  case tensor
  /// A tensor, a number, or a (nested) table of numbers, converted to a tensor.
  case tensorLike
  /// A tensor or a number (kept as a scalar), as arithmetic operands are.
  case tensorOrNumber
  case list(ValueType)
  case record
  case function
  /// A core object of the named type.
  case object(String)
  case either(ValueType, ValueType)

  /// Checks `value` and converts it to this type's canonical form, as arguments are; errors
  /// start with `what` (`field 'lr' of an Optimizer expects a number, got ...`).
  public func check(_ value: Value, what: String) throws -> Value {
    try Arguments.check(value, against: self, what: what)
  }

  /// Whether a number fits this type's bounds (any number fits a type without bounds).
  public func admits(_ d: Double) -> Bool {
    switch self {
    case .numberIn(let lo, let hi): return d >= lo && d <= hi
    case .numberAtLeast(let lo): return d >= lo
    case .numberAbove(let lo): return d > lo
    case .numberInHalfOpen(let lo, let hi): return d >= lo && d < hi
    default: return true
    }
  }

  /// As an error phrases it: "expects <description>".
  public var description: String {
    switch self {
    case .any: return "any value"
    case .bool: return "a boolean"
    case .integer: return "an integer"
    case .positiveInteger: return "a positive integer"
    case .nonNegativeInteger: return "a non-negative integer"
    case .number: return "a number"
    case .numberIn(let lo, let hi): return "a number in [\(fmt(lo)), \(fmt(hi))]"
    case .numberAtLeast(let lo): return "a number >= \(fmt(lo))"
    case .numberAbove(let lo): return "a number > \(fmt(lo))"
    case .numberInHalfOpen(let lo, let hi): return "a number in [\(fmt(lo)), \(fmt(hi)))"
    case .string: return "a string"
    case .oneOf(let names): return "one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    case .tensor: return "a tensor"
    case .tensorLike: return "a tensor or a table of numbers"
    case .tensorOrNumber: return "a tensor or a number"
    case .list(let t): return "a list of \(t.plural)"
    case .record: return "a table of options"
    case .function: return "a function"
    case .object(let name): return Article.indefinite(name)
    case .either(let a, let b): return "\(a.description) or \(b.description)"
    }
  }

  var plural: String {
    switch self {
    case .integer: return "integers"
    case .positiveInteger: return "positive integers"
    case .number: return "numbers"
    case .string: return "strings"
    case .tensor: return "tensors"
    case .list(let t): return "lists of \(t.plural)"
    default: return "values (\(description))"
    }
  }

  /// The lua-language-server type annotation.
  public var luaType: String {
    switch self {
    case .any: return "any"
    case .bool: return "boolean"
    case .integer, .positiveInteger, .nonNegativeInteger: return "integer"
    case .number, .numberIn, .numberAtLeast, .numberAbove, .numberInHalfOpen: return "number"
    case .string: return "string"
    case .oneOf(let names): return names.map { "\"\($0)\"" }.joined(separator: "|")
    case .tensor: return "Tensor"
    case .tensorLike: return "Tensor|number|number[]|number[][]"
    case .tensorOrNumber: return "Tensor|number"
    case .list(let t): return t.luaType.contains("|") ? "(\(t.luaType))[]" : "\(t.luaType)[]"
    case .record: return "table"
    case .function: return "function"
    case .object(let name): return name
    case .either(let a, let b): return "\(a.luaType)|\(b.luaType)"
    }
  }
}

func fmt(_ d: Double) -> String {
  d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
}
