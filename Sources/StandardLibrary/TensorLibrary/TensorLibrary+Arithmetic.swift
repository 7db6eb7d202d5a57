import Catalog
import Tensors

extension TensorLibrary {
  static func left(_ d: Declarer) -> Arg<Tensor> { d.parameter("a", Tensor.self, "a tensor or a number", as: .tensorOrNumber) }
  static func right(_ d: Declarer) -> Arg<Tensor> {
    d.parameter("b", Tensor.self, "a tensor or a number; rows, columns and scalars broadcast", as: .tensorOrNumber)
  }

  static func binary(_ op: BinaryOperation, _ summary: String, metamethod: String?) -> Entry {
    entry(op.rawValue, summary, returns: returnsTensor, method: true, metamethod: metamethod) { d in
      let a = left(d), b = right(d)
      return { args in [.tensor(try args[a].applying(op, args[b]))] }
    }
  }

  static func unary(_ op: UnaryOperation, _ summary: String, metamethod: String? = nil) -> Entry {
    method(op.rawValue, summary, metamethod: metamethod) { t in [.tensor(t.applying(op))] }
  }

  static func comparison(_ cmp: Comparison, _ symbol: String) -> Entry {
    entry(cmp.rawValue, "1 where a \(symbol) b, else 0 (thresholding: `p:ge(0.5)`).", returns: returnsTensor, method: true) { d in
      let a = d.parameter("a", Tensor.self, "the tensor"), b = right(d)
      return { args in [.tensor(try args[a].compared(cmp, args[b]))] }
    }
  }

  static var arithmetic: [Entry] {
    [
      binary(.add, "a + b elementwise (also the `+` operator).", metamethod: "__add"),
      binary(.sub, "a - b elementwise (also the `-` operator).", metamethod: "__sub"),
      binary(.mul, "a * b elementwise (also the `*` operator; use matmul for the matrix product).", metamethod: "__mul"),
      binary(.div, "a / b elementwise (also the `/` operator).", metamethod: "__div"),
      binary(.pow, "a ^ b elementwise (also the `^` operator).", metamethod: "__pow"),
      binary(.maximum, "The larger of a and b elementwise.", metamethod: nil),
      binary(.minimum, "The smaller of a and b elementwise.", metamethod: nil),
      unary(.neg, "-t (also the unary `-` operator).", metamethod: "__unm"),
      unary(.abs, "|t| elementwise."),
      unary(.sqrt, "Square root elementwise."),
      unary(.exp, "e^t elementwise."),
      unary(.log, "Natural logarithm elementwise."),
      unary(.square, "t² elementwise."),
      unary(.sigmoid, "1 / (1 + e^-t) elementwise."),
      unary(.tanh, "Hyperbolic tangent elementwise."),
      unary(.relu, "max(t, 0) elementwise."),
      unary(.sign, "-1, 0 or 1 by the sign of each value."),
      comparison(.gt, ">"), comparison(.ge, ">="), comparison(.lt, "<"),
      comparison(.le, "<="), comparison(.eq, "=="), comparison(.ne, "~="),
      entry("clamp", "Values limited to [low, high].", returns: returnsTensor, method: true) { d in
        let t = this(d)
        let low = d.parameter("low", Double.self, "lower bound"), high = d.parameter("high", Double.self, "upper bound")
        return { args in
          guard try args[low] <= args[high] else { throw TensorError("low must not exceed high") }
          return [.tensor(try args[t].clamped(Float(args[low]), Float(args[high])))]
        }
      },
    ]
  }
}
