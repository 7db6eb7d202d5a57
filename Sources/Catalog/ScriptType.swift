import Tensors

/// A Swift type an entry's body reads an argument as. Each type names the declared type it is
/// checked against by default and converts the checked value; a body never sees a `Value`
/// unless it asks for one.
public protocol ScriptType: SendableMetatype {
  /// What a parameter of this type accepts unless its declaration narrows it (`.positiveInteger`).
  static var valueType: ValueType { get }
  /// The Swift value of a value already checked against the declaration (nil if it does not
  /// fit, which the catalog reports as an error in the declaration, not in the script).
  init?(scriptValue: Value)
  /// As the reference prints it when it is a default.
  var scriptValue: Value { get }
}

extension Int: ScriptType {
  public static var valueType: ValueType { .integer }
  public init?(scriptValue v: Value) {
    guard case .integer(let i) = v else { return nil }
    self = i
  }
  public var scriptValue: Value { .integer(self) }
}

extension Double: ScriptType {
  public static var valueType: ValueType { .number }
  public init?(scriptValue v: Value) {
    switch v {
    case .number(let d): self = d
    case .integer(let i): self = Double(i)
    default: return nil
    }
  }
  public var scriptValue: Value { .number(self) }
}

extension Float: ScriptType {
  public static var valueType: ValueType { .number }
  public init?(scriptValue v: Value) {
    guard let d = Double(scriptValue: v) else { return nil }
    self = Float(d)
  }
  /// The decimal it was written as (0.99, not 0.9900000095367432): the shortest that reads back
  /// as the same Float.
  public var scriptValue: Value { .number(Double(description) ?? Double(self)) }
}

extension String: ScriptType {
  public static var valueType: ValueType { .string }
  public init?(scriptValue v: Value) {
    guard case .string(let s) = v else { return nil }
    self = s
  }
  public var scriptValue: Value { .string(self) }
}

extension Bool: ScriptType {
  public static var valueType: ValueType { .bool }
  public init?(scriptValue v: Value) {
    guard case .bool(let b) = v else { return nil }
    self = b
  }
  public var scriptValue: Value { .bool(self) }
}

extension Tensor: ScriptType {
  public static var valueType: ValueType { .tensor }
  /// A tensor, or a number as a scalar tensor (what `.tensorOrNumber` operands hold).
  public init?(scriptValue v: Value) {
    switch v {
    case .tensor(let t): self = t
    case .number(let d): self = Tensor(scalar: Float(d))
    case .integer(let i): self = Tensor(scalar: Float(i))
    default: return nil
    }
  }
  public var scriptValue: Value { .tensor(self) }
}

extension Value: ScriptType {
  public static var valueType: ValueType { .any }
  public init?(scriptValue v: Value) { self = v }
  public var scriptValue: Value { self }
}

extension Array: ScriptType where Element: ScriptType {
  public static var valueType: ValueType { .list(Element.valueType) }
  public init?(scriptValue v: Value) {
    guard case .list(let items) = v else { return nil }
    var out: [Element] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard let e = Element(scriptValue: item) else { return nil }
      out.append(e)
    }
    self = out
  }
  public var scriptValue: Value { .list(map(\.scriptValue)) }
}

extension Optional: ScriptType where Wrapped: ScriptType {
  public static var valueType: ValueType { Wrapped.valueType }
  /// An argument left out is nil; a given one converts as `Wrapped`.
  public init?(scriptValue v: Value) {
    if case .none = v { self = .none; return }
    guard let w = Wrapped(scriptValue: v) else { return nil }
    self = .some(w)
  }
  public var scriptValue: Value { map(\.scriptValue) ?? .none }
}

/// A Swift enum whose raw values are the strings scripts write (`"relu"`): declared as one of
/// its cases, read back as the case.
public protocol ScriptEnum: ScriptType, CaseIterable, RawRepresentable where RawValue == String {}

extension ScriptEnum {
  public static var valueType: ValueType { .oneOf(allCases.map(\.rawValue)) }
  public init?(scriptValue v: Value) {
    guard case .string(let s) = v else { return nil }
    self.init(rawValue: s)
  }
  public var scriptValue: Value { .string(rawValue) }
}

/// An object argument (`model`, `optimizer`), read as its core class.
public struct ObjectArgument<T: CatalogObject>: ScriptType {
  public let object: T
  public static var valueType: ValueType { .object(T.typeName) }
  public init?(scriptValue v: Value) {
    guard case .object(let o) = v, let t = o as? T else { return nil }
    object = t
  }
  public var scriptValue: Value { .object(object) }
}
