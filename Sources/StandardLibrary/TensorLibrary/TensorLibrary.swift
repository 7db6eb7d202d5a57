import Catalog
import Tensors

/// The `tensor` module: creation, arithmetic, reductions, shapes and matrix products.
/// Functions whose first parameter is a tensor are also methods (`a:matmul(b)`).
public enum TensorLibrary {
  public static var entries: [Entry] {
    creation + arithmetic + reductions + shaping + [matmul] + autodiff
  }

  static let module = "tensor"
  static let summary = "Create tensors and compute with them on native kernels."

  /// Shorthand for an entry of this module.
  static func entry(_ name: String, _ summary: String, returns: [Returned] = [], method: Bool = false, metamethod: String? = nil,
                    details: String? = nil, _ declare: (Declarer) -> @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: module, name: name, summary: summary, returns: returns, methodOf: method ? "Tensor" : nil,
          metamethod: metamethod, details: details, declare: declare)
  }

  /// `entry` for a function that returns exactly one value (see `Entry(declaringOne:)`).
  static func entryOne(_ name: String, _ summary: String, returns: [Returned], method: Bool = false,
                       _ declare: (Declarer) -> @Sendable (Arguments) throws -> Value) -> Entry {
    Entry(module: module, name: name, summary: summary, returns: returns, methodOf: method ? "Tensor" : nil,
          declaringOne: declare)
  }

  /// A method of one tensor and nothing else (`t:rank()`).
  static func method(_ name: String, _ summary: String, returns: [Returned] = returnsTensor, metamethod: String? = nil,
                     _ body: @escaping @Sendable (Tensor) throws -> [Value]) -> Entry {
    entry(name, summary, returns: returns, method: true, metamethod: metamethod) { d in
      let t = this(d)
      return { a in try body(a[t]) }
    }
  }

  /// `method` for a method that returns exactly one value.
  static func methodOne(_ name: String, _ summary: String, returns: [Returned],
                        _ body: @escaping @Sendable (Tensor) throws -> Value) -> Entry {
    entryOne(name, summary, returns: returns, method: true) { d in
      let t = this(d)
      return { a in try body(a[t]) }
    }
  }

  /// The tensor a method is called on.
  static func this(_ d: Declarer) -> Arg<Tensor> { d.parameter("t", Tensor.self, "the tensor") }
  static let returnsTensor = [Returned(.tensor, "a new tensor")]

  static let matmul = entry(
    "matmul", "Matrix product op(a) · op(b), on the packed GEMM kernels (both cores for large products).",
    returns: [Returned(.tensor, "the m x n product")], method: true
  ) { d in
    let a = d.parameter("a", Tensor.self, "left matrix (m x k, or k x m with transpose_a)")
    let b = d.parameter("b", Tensor.self, "right matrix (k x n, or n x k with transpose_b)")
    let transposeA = d.option("transpose_a", Bool.self, "use aᵀ", default: false)
    let transposeB = d.option("transpose_b", Bool.self, "use bᵀ", default: false)
    return { args in [.tensor(try args[a].matmul(args[b], transposeA: args[transposeA], transposeB: args[transposeB]))] }
  }
}
