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

extension BinaryOperation {
  var kernel: Elementwise.BinaryOp? {
    switch self {
    case .add: return .add
    case .sub: return .sub
    case .mul: return .mul
    case .div: return .div
    case .maximum: return .max
    case .minimum: return .min
    case .pow: return nil
    }
  }
}

extension Elementwise.BinaryOp {
  /// The operation with its operands swapped (`s - x` is `x rsub s`).
  var flipped: Elementwise.BinaryOp? {
    switch self {
    case .add, .mul, .max, .min: return self
    case .sub: return .rsub
    case .div: return .rdiv
    case .rsub: return .sub
    case .rdiv: return .div
    }
  }
}

extension Comparison {
  var kernel: Elementwise.Comparison {
    switch self {
    case .gt: return .gt
    case .ge: return .ge
    case .lt: return .lt
    case .le: return .le
    case .eq: return .eq
    case .ne: return .ne
    }
  }
}

extension Tensor {
  /// `self (op) other`, broadcasting. Same shapes, scalars, rows and columns of a matrix run
  /// on the vectorised kernels; other broadcasts take the general strided loop.
  public func applying(_ op: BinaryOperation, _ other: Tensor) throws -> Tensor {
    var out = try values(op, other)
    guard Autograd.isRecording, requiresGrad || other.requiresGrad else { return out }
    let a = self, b = other, result = out
    out.record(op.rawValue, [a, b]) { g in
      switch op {
      case .add: return [try g.summed(to: a.shape), try g.summed(to: b.shape)]
      case .sub: return [try g.summed(to: a.shape), try g.applying(.neg).summed(to: b.shape)]
      case .mul: return [try g.values(.mul, b).summed(to: a.shape), try g.values(.mul, a).summed(to: b.shape)]
      case .div:
        return [try g.values(.div, b).summed(to: a.shape),
                try g.values(.mul, result).values(.div, b).applying(.neg).summed(to: b.shape)]
      case .pow:
        let ga = try g.values(.mul, b).values(.mul, a.values(.pow, b.values(.sub, Tensor(scalar: 1))))
        let gb = b.requiresGrad ? try g.values(.mul, result).values(.mul, a.applying(.log)).summed(to: b.shape) : nil
        return [try ga.summed(to: a.shape), gb]
      case .maximum, .minimum:
        let first = try a.compared(op == .maximum ? .ge : .le, b)
        let second = first.values(.sub, scalarOnLeft: 1)
        return [try g.values(.mul, first).summed(to: a.shape), try g.values(.mul, second).summed(to: b.shape)]
      }
    }
    return out
  }

  /// The values of `self (op) other`, never recorded.
  func values(_ op: BinaryOperation, _ other: Tensor) throws -> Tensor {
    if let kernel = op.kernel, let out = Tensor.fastBinary(kernel, self, other) { return out }
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

  /// The kernel path, when the operands' shapes allow it.
  static func fastBinary(_ op: Elementwise.BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor? {
    let pa = a.storage.pointer, pb = b.storage.pointer
    if a.shape == b.shape || (b.count == 1 && b.rank <= a.rank) {
      let out = Tensor(uninitializedShape: a.shape)
      Elementwise.binary(op, a: pa, b: pb, broadcast: b.count == 1 && a.count != 1 ? .scalar : .full,
                         out: out.storage.pointer, rows: 1, cols: a.count)
      return out
    }
    if a.count == 1 && a.rank <= b.rank, let flipped = op.flipped {
      let out = Tensor(uninitializedShape: b.shape)
      Elementwise.binary(flipped, a: pb, b: pa, broadcast: .scalar, out: out.storage.pointer, rows: 1, cols: b.count)
      return out
    }
    guard a.rank == 2 else { return nil }
    let (rows, cols) = (a.shape[0], a.shape[1])
    let broadcast: Elementwise.Broadcast
    if b.shape == [cols] || b.shape == [1, cols] { broadcast = .row }
    else if b.shape == [rows, 1] { broadcast = .column }
    else { return nil }
    let out = Tensor(uninitializedShape: a.shape)
    Elementwise.binary(op, a: pa, b: pb, broadcast: broadcast, out: out.storage.pointer, rows: rows, cols: cols)
    return out
  }

  /// `self (op) scalar`.
  public func applying(_ op: BinaryOperation, _ scalar: Float) -> Tensor {
    // A scalar always broadcasts, so this cannot fail.
    try! applying(op, Tensor(scalar: scalar))  // cannot fail: a scalar broadcasts against any shape
  }

  /// `scalar (op) self`.
  public func applying(_ op: BinaryOperation, scalarOnLeft scalar: Float) -> Tensor {
    try! Tensor(scalar: scalar).applying(op, self)  // cannot fail: as above
  }

  func values(_ op: BinaryOperation, scalarOnLeft scalar: Float) -> Tensor {
    try! Tensor(scalar: scalar).values(op, self)  // cannot fail: as above
  }

  /// `op(self)` elementwise.
  public func applying(_ op: UnaryOperation) -> Tensor {
    var out = values(op)
    guard Autograd.isRecording, requiresGrad else { return out }
    let a = self, result = out
    out.record(op.rawValue, [a]) { g in
      let local: Tensor
      switch op {
      case .neg: return [g.values(.neg)]
      case .abs: local = a.values(.sign)
      case .sqrt: local = try Tensor(scalar: 0.5).values(.div, result)
      case .exp: local = result
      case .log: return [try g.values(.div, a)]
      case .square: local = a.values(.mul, scalarOnLeft: 2)
      case .sigmoid: local = try result.values(.mul, result.values(.sub, scalarOnLeft: 1))
      case .tanh: local = try result.values(.mul, result).values(.sub, scalarOnLeft: 1)
      case .relu: local = try a.compared(.gt, Tensor(scalar: 0))
      case .sign: local = Tensor.zeros(a.shape)
      }
      return [try g.values(.mul, local)]
    }
    return out
  }

  /// The values of `op(self)`, never recorded.
  func values(_ op: UnaryOperation) -> Tensor {
    let kernel: Elementwise.UnaryOp
    switch op {
    case .neg: kernel = .neg
    case .abs: kernel = .abs
    case .sqrt: kernel = .sqrt
    case .exp: kernel = .exp
    case .log: kernel = .log
    case .square: kernel = .square
    case .sigmoid: kernel = .sigmoid
    case .tanh: kernel = .tanh
    case .relu: kernel = .relu
    case .sign: return map { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) }
    }
    let out = Tensor(uninitializedShape: shape)
    Elementwise.unary(kernel, x: storage.pointer, out: out.storage.pointer, count: count)
    return out
  }

  /// 1 where `self (cmp) other` holds, else 0; broadcasting.
  public func compared(_ cmp: Comparison, _ other: Tensor) throws -> Tensor {
    if other.count == 1 && other.rank <= rank {
      let out = Tensor(uninitializedShape: shape)
      Elementwise.compare(cmp.kernel, x: storage.pointer, scalar: other.storage.pointer[0], out: out.storage.pointer, count: count)
      return out
    }
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
    var out = map { Swift.min(Swift.max($0, low), high) }
    let a = self
    out.record("clamp", [a]) { g in [try g.values(.mul, a.map { $0 > low && $0 < high ? 1 : 0 })] }
    return out
  }

  public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.add, b) }
  public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.sub, b) }
  public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.mul, b) }
  public static func / (a: Tensor, b: Tensor) throws -> Tensor { try a.applying(.div, b) }
}
