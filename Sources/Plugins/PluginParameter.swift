import Catalog
import Foundation
import CrescentPluginABI

/// A plugin's parameter descriptor as a catalog parameter, its default parsed from text.
struct PluginParameter: Sendable {
  let parameter: Parameter
  let type: crescent_type
  let isOption: Bool

  init(_ p: crescent_param) throws {
    let name = text(p.name)
    guard !name.isEmpty else { throw PluginError("a parameter has no name") }
    type = p.type
    isOption = p.is_option != 0
    let valueType: ValueType
    switch p.type {
    case CRESCENT_NUMBER: valueType = .number
    case CRESCENT_INTEGER: valueType = .integer
    case CRESCENT_STRING: valueType = .string
    case CRESCENT_BOOL: valueType = .bool
    case CRESCENT_TENSOR: valueType = .tensorLike
    default: throw PluginError("parameter '\(name)' has an unknown type (\(p.type.rawValue))")
    }
    var value: Value? = nil
    if let d = p.default_value {
      let s = String(cString: d).trimmingCharacters(in: .whitespaces)
      switch p.type {
      case CRESCENT_NUMBER: value = Double(s).map(Value.number)
      case CRESCENT_INTEGER: value = Int(s).map(Value.integer)
      case CRESCENT_BOOL: value = s == "true" ? .bool(true) : s == "false" ? .bool(false) : nil
      case CRESCENT_STRING:
        value = .string(s.count >= 2 && (s.first == "\"" || s.first == "'") && s.last == s.first ? String(s.dropFirst().dropLast()) : s)
      default: value = nil
      }
      guard value != nil else { throw PluginError("parameter '\(name)': default \(s) is not \(valueType.description)") }
    }
    parameter = Parameter(name, valueType, text(p.doc), default: value)
  }
}
