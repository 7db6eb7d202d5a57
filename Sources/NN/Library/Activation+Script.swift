import Catalog
import Tensors

/// Activations as scripts name them: every case by its name, and Keras's aliases ("swish" for
/// "silu").
extension Activation: ScriptType {
  public static var valueType: ValueType { .oneOf(allCases.map(\.rawValue) + aliases.keys.sorted()) }
  public init?(scriptValue v: Value) {
    guard case .string(let s) = v, let a = Activation(name: s) else { return nil }
    self = a
  }
  public var scriptValue: Value { .string(rawValue) }
}
