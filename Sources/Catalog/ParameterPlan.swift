/// What checking one declared parameter or option needs on every call, decided when the entry
/// is made: a call reads it by reference instead of copying the `Parameter` (its name, type,
/// documentation and default) out of the declaration.
///
/// `@unchecked Sendable` for the default, which `Parameter` only admits as a constant value
/// (see `ConstantValue`): nothing here is mutated after the entry is made.
final class ParameterPlan: @unchecked Sendable {
  let name: String
  let type: ValueType
  /// How a value is checked: a case of its own for the common types, decided once.
  let conversion: Conversion
  /// The value used when the caller gives none (nil: required, or left out as nil).
  let defaultValue: Value?
  let optional: Bool
  let variadic: Bool
  let isRequired: Bool
  /// Whether it takes a record (a table with string keys) as its value.
  let takesRecord: Bool

  enum Conversion {
    case tensor, bool, string, integer, number
    /// Any other type: `Arguments.check` decides.
    case general
  }

  init(_ p: Parameter) {
    name = p.name
    type = p.type
    defaultValue = p.defaultValue
    optional = p.optional
    variadic = p.variadic
    isRequired = p.isRequired
    takesRecord = (try? Arguments.check(.table([("k", .integer(0))]), against: p.type, what: "")) != nil
    switch p.type {
    case .tensor: conversion = .tensor
    case .bool: conversion = .bool
    case .string: conversion = .string
    case .integer: conversion = .integer
    case .number: conversion = .number
    default: conversion = .general
    }
  }

  /// `value` checked and converted as `Arguments.check` does (the same results and errors),
  /// taking the short way for the common types.
  @inline(__always)
  func check(_ value: Value, what: @autoclosure () -> String) throws -> Value {
    switch (conversion, value) {
    case (.tensor, .tensor), (.bool, .bool), (.string, .string), (.integer, .integer), (.number, .number): return value
    case (.number, .integer(let i)): return .number(Double(i))
    default: return try Arguments.check(value, against: type, what: what())
    }
  }
}
