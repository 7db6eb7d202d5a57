import Tensors

/// The backward steps Dense and the convolutions share once their input is a matrix (a
/// convolution's unrolled windows): the activation's gradient, `dW = aᵀ · dZ`, `db = Σ dZ` and
/// `dx = dZ · Wᵀ`, over `rows` rows of `inputs` values in and `units` out.
enum LinearBackward {
  /// dZ = dY ⊙ act'(·): `gradOutput` itself for a linear activation, else written to `gradPre`.
  static func activationGradient(_ applied: Activation, alpha: Float?, preactivation: Tensor, output: Tensor, gradOutput: Tensor,
                                 into gradPre: inout Tensor, rows: Int, units: Int) -> UnsafePointer<Float> {
    if applied == .linear { return UnsafePointer(gradOutput.storage.pointer) }
    Tensor.prepare(&gradPre, shape: gradOutput.shape)
    Elementwise.activationBackward(applied, alpha: alpha, z: applied.backwardKeepsZ ? preactivation.storage.pointer : nil,
                                   y: output.storage.pointer, dy: gradOutput.storage.pointer,
                                   dz: gradPre.storage.pointer, rows: rows, cols: units)
    return UnsafePointer(gradPre.storage.pointer)
  }

  /// dW = aᵀ · dZ and db = Σ_rows dZ, added to the gradients with `accumulate`, else written
  /// (`scratch` holds the bias sum while it is added). Written gradients go into the weights'
  /// buffers, or into new ones while someone else holds those (`model:gradients` hands them out).
  static func weightGradients(a: UnsafePointer<Float>, dz: UnsafePointer<Float>, rows: Int, inputs: Int, units: Int,
                              kernel: Weight, bias: Weight?, accumulate: Bool, scratch: inout Tensor) {
    if accumulate { kernel.grad.makeUnique() } else { Tensor.prepare(&kernel.grad, shape: kernel.value.shape) }
    Gemm.sgemm(transposeA: true, transposeB: false, m: inputs, n: units, k: rows, a: a, lda: inputs, b: dz, ldb: units,
               beta: accumulate ? 1 : 0, c: kernel.grad.storage.pointer, ldc: units)
    guard let bias else { return }
    if accumulate { bias.grad.makeUnique() } else { Tensor.prepare(&bias.grad, shape: bias.value.shape) }
    if accumulate {
      Tensor.prepare(&scratch, shape: [units])
      Reduce.reduce(.sum, dz, rows: rows, cols: units, axis: 0, out: scratch.storage.pointer)
      let g = bias.grad.storage.pointer, d = scratch.storage.pointer
      for j in 0..<units { g[j] += d[j] }
    } else {
      Reduce.reduce(.sum, dz, rows: rows, cols: units, axis: 0, out: bias.grad.storage.pointer)
    }
  }

  /// dx = dZ · Wᵀ into `out` (rows x inputs).
  static func inputGradient(dz: UnsafePointer<Float>, kernel: Weight, rows: Int, inputs: Int, units: Int, into out: UnsafeMutablePointer<Float>) {
    Gemm.sgemm(transposeA: false, transposeB: true, m: rows, n: inputs, k: units, a: dz, lda: units,
               b: kernel.value.storage.pointer, ldb: units, beta: 0, c: out, ldc: inputs)
  }
}

extension ActivityPenalty {
  /// `gradOutput` plus the penalty's gradient, for a layer whose forward applied `applied`
  /// (its `activation`, or linear when it handed its loss logits); unchanged when the shapes
  /// differ (no matching forward).
  func adding(to gradOutput: Tensor, output: Tensor, applied: Activation, activation: Activation, alpha: Float?) -> Tensor {
    guard gradOutput.shape == output.shape else { return gradOutput }
    return applied == activation ? adding(to: gradOutput, at: output)
      : adding(toLogitGradient: gradOutput, logits: output, activation: activation, alpha: alpha)
  }

  /// Records the penalty of a forward that applied `applied` to give `output`.
  func record(_ output: Tensor, applied: Activation, activation: Activation, alpha: Float?) {
    if applied == activation { record(output) } else { record(logits: output, activation: activation, alpha: alpha) }
  }
}
