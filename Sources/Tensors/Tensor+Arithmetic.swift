#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementwise binary operations, broadcasting rows, columns and scalars.
public enum BinaryOperation: String, CaseIterable, Sendable {
  case add, sub, mul, div, pow, maximum, minimum
}

/// Elementwise unary operations.
public enum UnaryOperation: String, CaseIterable, Sendable {
  case neg, abs, sqrt, exp, log, square, sigmoid, tanh, relu, sign
}

/// Comparisons giving 1 where true and 0 where false.
public enum Comparison: String, CaseIterable, Sendable {
  case gt, ge, lt, le, eq, ne
}

extension Tensor {
  /// `self (op) other`, broadcasting.
  public func applying(_ op: BinaryOperation, _ other: Tensor) throws -> Tensor {
    switch op {
    case .add: return try Tensor.broadcasting(self, other, +)
    case .sub: return try Tensor.broadcasting(self, other, -)
    case .mul: return try Tensor.broadcasting(self, other, *)
    case .div: return try Tensor.broadcasting(self, other, /)
    case .pow: return try Tensor.broadcasting(self, other) { powf($0, $1) }
    case .maximum: return try Tensor.broadcasting(self, other) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
    case .minimum: return try Tensor.broadcasting(self, other) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
    }
  }

  /// `self (op) scalar`.
  public func applying(_ op: BinaryOperation, _ scalar: Float) -> Tensor {
    // A scalar always broadcasts, so this cannot fail.
    try! applying(op, Tensor(scalar: scalar))
  }

  /// `scalar (op) self`.
  public func applying(_ op: BinaryOperation, scalarOnLeft scalar: Float) -> Tensor {
    try! Tensor(scalar: scalar).applying(op, self)
  }

  /// `op(self)` elementwise.
  public func applying(_ op: UnaryOperation) -> Tensor {
    switch op {
    case .neg: return map { -$0 }
    case .abs: return map { Swift.abs($0) }
    case .sqrt: return map { $0.squareRoot() }
    case .exp: return map { expf($0) }
    case .log: return map { logf($0) }
    case .square: return map { $0 * $0 }
    case .sigmoid: return map { $0 >= 0 ? 1 / (1 + expf(-$0)) : expf($0) / (1 + expf($0)) }
    case .tanh: return map { tanhf($0) }
    case .relu: return map { $0 > 0 ? $0 : 0 }
    case .sign: return map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
    }
  }

  /// 1 where `self (cmp) other` holds, else 0; broadcasting.
  public func compared(_ cmp: Comparison, _ other: Tensor) throws -> Tensor {
    switch cmp {
    case .gt: return try Tensor.broadcasting(self, other) { $0 > $1 ? 1 : 0 }
    case .ge: return try Tensor.broadcasting(self, other) { $0 >= $1 ? 1 : 0 }
    case .lt: return try Tensor.broadcasting(self, other) { $0 < $1 ? 1 : 0 }
    case .le: return try Tensor.broadcasting(self, other) { $0 <= $1 ? 1 : 0 }
    case .eq: return try Tensor.broadcasting(self, other) { $0 == $1 ? 1 : 0 }
    case .ne: return try Tensor.broadcasting(self, other) { $0 != $1 ? 1 : 0 }
    }
  }

  /// Values limited to [low, high].
  public func clamped(_ low: Float, _ high: Float) -> Tensor {
    map { Swift.min(Swift.max($0, low), high) }
  }

  public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.add, b) }
  public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.sub, b) }
  public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.mul, b) }
  public static func / (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.div, b) }
}
