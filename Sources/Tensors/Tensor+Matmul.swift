/// The matrix product on the packed GEMM kernels.
extension Tensor {
  /// op(self) · op(other), where op transposes when asked. Both must be matrices.
  public func matmul(_ other: Tensor, transposeA: Bool = false, transposeB: Bool = false, threads: Int? = nil) throws -> Tensor {
    guard rank == 2, other.rank == 2 else {
      throw TensorError("matmul needs two matrices, got shapes \(describeShape(shape)) and \(describeShape(other.shape))")
    }
    let (m, k) = transposeA ? (shape[1], shape[0]) : (shape[0], shape[1])
    let (k2, n) = transposeB ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
    guard k == k2 else {
      let left = transposeA ? "\(describeShape(shape)) (transposed)" : describeShape(shape)
      let right = transposeB ? "\(describeShape(other.shape)) (transposed)" : describeShape(other.shape)
      throw TensorError("shapes \(left) and \(right) do not line up")
    }
    var out = try Tensor(budgetedShape: [m, n], for: "the \(m) x \(n) product")
    Gemm.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
               a: storage.pointer, lda: shape[1], b: other.storage.pointer, ldb: other.shape[1],
               beta: 0, c: out.storage.pointer, ldc: n, threads: threads)
    let a = self, b = other
    out.record("matmul", [a, b]) { g in
      // d op(A) = g·op(B)ᵀ and d op(B) = op(A)ᵀ·g, stored back in each operand's layout.
      let ga: Tensor? = a.requiresGrad
        ? (transposeA ? try b.matmul(g, transposeA: transposeB, transposeB: true) : try g.matmul(b, transposeB: !transposeB))
        : nil
      let gb: Tensor? = b.requiresGrad
        ? (transposeB ? try g.matmul(a, transposeA: true, transposeB: transposeA) : try a.matmul(g, transposeA: !transposeA))
        : nil
      return [ga, gb]
    }
    return out
  }
}
