import Catalog
import Tensors

extension TensorLibrary {
  static let left = Parameter("a", .tensorOrNumber, "a tensor or a number")
  static let right = Parameter("b", .tensorOrNumber, "a tensor or a number; rows, columns and scalars broadcast")

  static func binary(_ op: BinaryOperation, _ summary: String, metamethod: String?) -> Entry {
    entry(op.rawValue, summary, parameters: [left, right], returns: returnsTensor, method: true, metamethod: metamethod) { args in
      [.tensor(try args.tensorOrScalar("a").applying(op, args.tensorOrScalar("b")))]
    }
  }

  static func unary(_ op: UnaryOperation, _ summary: String, metamethod: String? = nil) -> Entry {
    entry(op.rawValue, summary, parameters: [selfParameter], returns: returnsTensor, method: true, metamethod: metamethod) { args in
      [.tensor(args.tensor("t").applying(op))]
    }
  }

  static func comparison(_ cmp: Comparison, _ symbol: String) -> Entry {
    entry(cmp.rawValue, "1 where a \(symbol) b, else 0 (thresholding: `p:ge(0.5)`).",
          parameters: [Parameter("a", .tensor, "the tensor"), right], returns: returnsTensor, method: true) { args in
      [.tensor(try args.tensor("a").compared(cmp, args.tensorOrScalar("b")))]
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
      entry("clamp", "Values limited to [low, high].",
            parameters: [selfParameter, Parameter("low", .number, "lower bound"), Parameter("high", .number, "upper bound")],
            returns: returnsTensor, method: true) { args in
        guard args.double("low") <= args.double("high") else { throw TensorError("low must not exceed high") }
        return [.tensor(args.tensor("t").clamped(args.float("low"), args.float("high")))]
      },
    ]
  }
}
