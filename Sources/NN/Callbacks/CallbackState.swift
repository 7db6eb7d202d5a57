import Tensors

/// What a training checkpoint keeps of a callback: the numbers that carry from one epoch to
/// the next (a name absent where the callback holds none yet, as EarlyStopping's best before
/// the first epoch), and tensors (the best epoch's weights).
public struct CallbackState {
  public var numbers: [String: Double]
  public var tensors: [Tensor]

  public init(numbers: [String: Double] = [:], tensors: [Tensor] = []) {
    self.numbers = numbers
    self.tensors = tensors
  }

  /// A whole number kept under `key`, or nil when absent.
  func integer(_ key: String) throws -> Int? {
    guard let v = numbers[key] else { return nil }
    guard v.isFinite, v == v.rounded(), abs(v) < 9.0e15 else { throw LayerError("state '\(key)' = \(v) is not a whole number") }
    return Int(v)
  }
}
