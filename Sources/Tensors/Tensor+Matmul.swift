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
    let out = Tensor(uninitializedShape: [m, n])
    Gemm.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
               a: storage.pointer, lda: shape[1], b: other.storage.pointer, ldb: other.shape[1],
               beta: 0, c: out.storage.pointer, ldc: n, threads: threads)
    return out
  }
}
