import Tensors

/// The `tensor` module: creation, arithmetic, reductions, shapes and matrix products.
/// Functions whose first parameter is a tensor are also methods (`a:matmul(b)`).
public enum TensorLibrary {
  public static var entries: [Entry] {
    creation + arithmetic + reductions + shaping + [matmul] + autodiff
  }

  static let module = "tensor"

  /// Shorthand for an entry of this module.
  static func entry(_ name: String, _ summary: String, parameters: [Parameter] = [], options: [Parameter] = [],
                    returns: [Returned] = [], method: Bool = false, metamethod: String? = nil, details: String? = nil,
                    _ body: @escaping @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: module, name: name, summary: summary, parameters: parameters, options: options, returns: returns,
          methodOf: method ? "Tensor" : nil, metamethod: metamethod, details: details, body: body)
  }

  static let selfParameter = Parameter("t", .tensor, "the tensor")
  static let returnsTensor = [Returned(.tensor, "a new tensor")]

  static let matmul = entry(
    "matmul", "Matrix product op(a) · op(b), on the packed GEMM kernels (both cores for large products).",
    parameters: [Parameter("a", .tensor, "left matrix (m x k, or k x m with transpose_a)"),
                 Parameter("b", .tensor, "right matrix (k x n, or n x k with transpose_b)")],
    options: [Parameter("transpose_a", .bool, "use aᵀ", default: .bool(false)),
              Parameter("transpose_b", .bool, "use bᵀ", default: .bool(false))],
    returns: [Returned(.tensor, "the m x n product")], method: true
  ) { args in
    [.tensor(try args.tensor("a").matmul(args.tensor("b"), transposeA: args.bool("transpose_a"),
                                         transposeB: args.bool("transpose_b")))]
  }
}
