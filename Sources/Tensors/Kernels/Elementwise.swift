import CKernels

/// How elementwise kernels split work across threads.
///
/// Elementwise maps give the same result however they are split; reductions (and the BCE loss
/// sum) use blocks whose boundaries depend only on the problem size, combined in order, so
/// their results are bit-identical whatever the thread count.
enum ElementwiseSplit {
  /// Elements per slab when a map is split across threads (a multiple of 64).
  static let slab = 1 << 15
  /// Below this many elements, cheap maps (add, relu, ...) stay on the calling thread.
  static let cheapThreshold = 1 << 19
  /// Below this many elements, maps costing a transcendental per element stay on one thread.
  static let transcendentalThreshold = 1 << 17

  static func isa(_ isa: ck_isa?) -> ck_isa { ck_usable_isa(isa ?? ck_active_isa()) }

  static func threads(_ requested: Int?, elements n: Int, expensive: Bool) -> Int {
    let t = Swift.max(1, requested ?? Parallel.maxThreads)
    return n >= (expensive ? transcendentalThreshold : cheapThreshold) ? t : 1
  }

  /// Calls body(start, count) over [0, n) in slabs, on up to `threads` threads.
  static func flat(_ n: Int, threads: Int, _ body: (Int, Int) -> Void) {
    if threads <= 1 || n <= slab { body(0, n); return }
    let k = (n + slab - 1) / slab
    Parallel.forEach(k, threads: threads) { i in
      let lo = i * slab
      body(lo, Swift.min(n, lo + slab) - lo)
    }
  }

  /// Calls body(firstRow, rowCount) over whole rows, about `slab` elements per call.
  static func rows(_ rows: Int, cols: Int, threads: Int, _ body: (Int, Int) -> Void) {
    let per = Swift.max(1, slab / Swift.max(1, cols))
    if threads <= 1 || rows <= per { body(0, rows); return }
    let k = (rows + per - 1) / per
    Parallel.forEach(k, threads: threads) { i in
      let lo = i * per
      body(lo, Swift.min(rows, lo + per) - lo)
    }
  }
}

/// Fused elementwise kernels over raw row-major `Float` buffers.
///
/// Every function takes `threads` (nil: `Parallel.maxThreads`; work below ~0.1-0.5 M elements
/// stays on the calling thread) and `isa` (nil: `ck_active_isa()`; a level above what the CPU
/// supports is lowered). Results never depend on `threads`. Buffers must not overlap except
/// where an argument is documented as allowed to alias the output exactly.
///
/// Accuracy of the vector math (float in, float out), against double-precision libm:
/// `exp`, `log`, `sigmoid`, `tanh`, `expm1`, `log1p`, `softplus`: max relative error below 3e-7
/// (~2-3 ulp; `log` near 1 is within 1e-7 absolute). Extreme inputs give the correctly signed
/// limits (no NaN where the true value is finite); `exp` underflows gradually to subnormals.
package enum Elementwise {
  // MARK: Activations

  /// `out[r, c] = act(z[r, c] + bias[c])` for a `rows x cols` matrix; softmax is per row.
  /// - Parameters:
  ///   - alpha: leaky_relu's negative slope / elu's alpha; nil uses `act.defaultAlpha`.
  ///   - z: the pre-activation, `rows * cols` floats; may be the same buffer as `out`.
  ///   - bias: `cols` floats added to every row, or nil.
  package static func biasActivation(
    _ act: Activation, alpha: Float? = nil, z: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    out: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
    threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(rows >= 0 && cols >= 0)  // cannot fail: callers pass the sizes of existing tensors
    let n = rows * cols
    if n == 0 { return }
    let a = alpha ?? act.defaultAlpha
    let level = ElementwiseSplit.isa(isa)
    let t = ElementwiseSplit.threads(threads, elements: n, expensive: act.isTranscendental)
    if bias == nil && !act.isRowwise {
      ElementwiseSplit.flat(n, threads: t) { lo, m in
        ck_bias_act(level, act.ck, a, z + lo, nil, out + lo, 1, m)
      }
    } else {
      ElementwiseSplit.rows(rows, cols: cols, threads: t) { r0, nr in
        ck_bias_act(level, act.ck, a, z + r0 * cols, bias, out + r0 * cols, nr, cols)
      }
    }
  }

  /// `dz = dy * act'(.)` for a `rows x cols` matrix; softmax uses the per-row Jacobian-vector
  /// product `dz = y * (dy - sum(y * dy))`.
  /// - Parameters:
  ///   - z: the pre-activation (required for gelu, silu, mish, hard_sigmoid; used when given for the others).
  ///   - y: the activation output (required for softmax; softplus uses it if z is nil).
  ///   - dy: the gradient with respect to the output.
  ///   - dz: receives the gradient with respect to z; may be the same buffer as dy, z or y.
  ///   See ``Activation`` for which of z and y each activation needs.
  package static func activationBackward(
    _ act: Activation, alpha: Float? = nil, z: UnsafePointer<Float>?, y: UnsafePointer<Float>?,
    dy: UnsafePointer<Float>, dz: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
    threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(rows >= 0 && cols >= 0)  // cannot fail: callers pass the sizes of existing tensors
    precondition(z != nil || y != nil || act == .linear, "activationBackward needs z or y")  // cannot fail: layers keep what Activation.backwardNeedsZ/Y ask for
    precondition(!act.backwardNeedsZ || z != nil, "\(act.rawValue) backward needs z")  // as above
    precondition(!act.backwardNeedsY || y != nil, "\(act.rawValue) backward needs y")  // as above
    let n = rows * cols
    if n == 0 { return }
    let a = alpha ?? act.defaultAlpha
    let level = ElementwiseSplit.isa(isa)
    let expensive = act.isTranscendental && !(y != nil && (act == .sigmoid || act == .tanh || act == .exponential))
    let t = ElementwiseSplit.threads(threads, elements: n, expensive: expensive)
    if !act.isRowwise {
      ElementwiseSplit.flat(n, threads: t) { lo, m in
        ck_act_backward(level, act.ck, a, z.map { $0 + lo }, y.map { $0 + lo }, dy + lo, dz + lo, 1, m)
      }
    } else {
      ElementwiseSplit.rows(rows, cols: cols, threads: t) { r0, nr in
        let o = r0 * cols
        ck_act_backward(level, act.ck, a, z.map { $0 + o }, y.map { $0 + o }, dy + o, dz + o, nr, cols)
      }
    }
  }

  // MARK: Loss

  /// Elements per block of the BCE loss sum (fixed, so the sum does not depend on threads).
  static let bceBlock = 1 << 14

  /// Sigmoid + binary cross-entropy on logits, as PyTorch's `BCEWithLogitsLoss` (mean):
  /// `loss = (1 - t) z + (1 + (pw - 1) t) (log(1 + exp(-|z|)) + max(-z, 0))`, evaluated as
  /// `(1 - t) softplus(z) + pw t softplus(-z)` (the same value, without cancellation).
  /// - Parameters:
  ///   - logits, targets: `rows * cols` floats (targets in [0, 1]).
  ///   - posWeight: `cols` floats (PyTorch's `pos_weight`), or nil for 1.
  ///   - grad: receives `d(mean loss)/d(logits)` (`rows * cols` floats), or nil. May be the
  ///     logits buffer itself.
  ///   - probabilities: receives `sigmoid(logits)` (the same bits as `biasActivation`'s
  ///     sigmoid), or nil.
  /// - Returns: the mean loss over all `rows * cols` elements, summed in Double in fixed-size
  ///   blocks combined in order (bit-identical for any thread count).
  package static func sigmoidBCE(
    logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, posWeight: UnsafePointer<Float>? = nil,
    grad: UnsafeMutablePointer<Float>?, probabilities: UnsafeMutablePointer<Float>? = nil, rows: Int, cols: Int,
    threads: Int? = nil, isa: ck_isa? = nil
  ) -> Double {
    precondition(rows >= 0 && cols >= 0)  // cannot fail: callers pass the sizes of existing tensors
    let n = rows * cols
    if n == 0 { return 0 }
    let level = ElementwiseSplit.isa(isa)
    let gscale = Float(1.0 / Double(n))
    let k = (n + bceBlock - 1) / bceBlock
    let t = ElementwiseSplit.threads(threads, elements: n, expensive: true)
    var partials = [Double](repeating: 0, count: k)
    partials.withUnsafeMutableBufferPointer { p in
      let base = p.baseAddress!  // cannot fail: an array has an address even when empty
      Parallel.forEach(k, threads: t) { i in
        let lo = i * bceBlock, hi = Swift.min(n, lo + bceBlock)
        base[i] = ck_bce_logits(level, logits, targets, posWeight, grad, probabilities, gscale, cols, lo, hi)
      }
    }
    var total = 0.0
    for s in partials { total += s }
    return total / Double(n)
  }

  /// The cells of a binary cross-entropy in double: `out[i] = -log(truth[i] != 0 ? p : 1 - p)`,
  /// `p` the score clipped to [epsilon, 1 - epsilon], the logarithm within a few ulp of libm's.
  /// On the calling thread; `count` doubles each.
  package static func binaryCrossentropyTerms(truth: UnsafePointer<Double>, scores: UnsafePointer<Double>,
                                             epsilon: Double, out: UnsafeMutablePointer<Double>, count: Int,
                                             isa: ck_isa? = nil) {
    precondition(count >= 0)  // cannot fail: callers pass the sizes of existing tensors
    if count == 0 { return }
    ck_bce_terms(ElementwiseSplit.isa(isa), truth, scores, epsilon, out, count)
  }

  // MARK: Unary maps

  /// Unary elementwise operations.
  package enum UnaryOp: Sendable, Equatable {
    case neg, abs, sqrt, square, exp, log, relu, sigmoid, tanh, reciprocal, expm1, log1p, softplus
    /// `x^p`; exact fast paths for p in {0, ±0.5, ±1, 2, 3, -2}, libm `powf` otherwise.
    case pow(Float)

    var ck: (ck_unop, Float) {
      switch self {
      case .neg: return (CK_UN_NEG, 0)
      case .abs: return (CK_UN_ABS, 0)
      case .sqrt: return (CK_UN_SQRT, 0)
      case .square: return (CK_UN_SQUARE, 0)
      case .exp: return (CK_UN_EXP, 0)
      case .log: return (CK_UN_LOG, 0)
      case .relu: return (CK_UN_RELU, 0)
      case .sigmoid: return (CK_UN_SIGMOID, 0)
      case .tanh: return (CK_UN_TANH, 0)
      case .reciprocal: return (CK_UN_RECIP, 0)
      case .expm1: return (CK_UN_EXPM1, 0)
      case .log1p: return (CK_UN_LOG1P, 0)
      case .softplus: return (CK_UN_SOFTPLUS, 0)
      case .pow(let p): return (CK_UN_POW, p)
      }
    }

    var isTranscendental: Bool {
      switch self {
      case .neg, .abs, .sqrt, .square, .relu, .reciprocal: return false
      case .pow(let p): return ![0, 0.5, -0.5, 1, -1, 2, 3, -2].contains(p)
      default: return true
      }
    }
  }

  /// `out[i] = op(x[i])` for i in 0..<count; x may be the same buffer as out.
  package static func unary(
    _ op: UnaryOp, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int,
    threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(count >= 0)  // cannot fail: callers pass the sizes of existing tensors
    if count == 0 { return }
    let (code, param) = op.ck
    let level = ElementwiseSplit.isa(isa)
    let t = ElementwiseSplit.threads(threads, elements: count, expensive: op.isTranscendental)
    ElementwiseSplit.flat(count, threads: t) { lo, m in
      ck_unary(level, code, param, x + lo, out + lo, m)
    }
  }

  /// `out[i] = e^x[i]` (max relative error < 3e-7; gradual underflow; inf above ~88.72).
  package static func exp(x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int,
                         threads: Int? = nil, isa: ck_isa? = nil) {
    unary(.exp, x: x, out: out, count: count, threads: threads, isa: isa)
  }
  /// `out[i] = ln x[i]` (relative error < 3e-7, absolute < 1e-7 near 1; -inf at 0, NaN below).
  package static func log(x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int,
                         threads: Int? = nil, isa: ck_isa? = nil) {
    unary(.log, x: x, out: out, count: count, threads: threads, isa: isa)
  }
  /// `out[i] = 1 / (1 + e^-x[i])`, stable for any x (relative error < 3e-7).
  package static func sigmoid(x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int,
                             threads: Int? = nil, isa: ck_isa? = nil) {
    unary(.sigmoid, x: x, out: out, count: count, threads: threads, isa: isa)
  }
  /// `out[i] = tanh x[i]` (relative error < 3e-7).
  package static func tanh(x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, count: Int,
                          threads: Int? = nil, isa: ck_isa? = nil) {
    unary(.tanh, x: x, out: out, count: count, threads: threads, isa: isa)
  }

  /// Comparisons against a scalar, producing 1 or 0.
  package enum Comparison: Sendable {
    case gt, ge, lt, le, eq, ne
    var ck: ck_unop {
      switch self {
      case .gt: return CK_UN_GT
      case .ge: return CK_UN_GE
      case .lt: return CK_UN_LT
      case .le: return CK_UN_LE
      case .eq: return CK_UN_EQ
      case .ne: return CK_UN_NE
      }
    }
  }

  /// `out[i] = (x[i] cmp scalar) ? 1 : 0`; NaN compares false (true for `.ne`).
  package static func compare(
    _ cmp: Comparison, x: UnsafePointer<Float>, scalar: Float, out: UnsafeMutablePointer<Float>,
    count: Int, threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(count >= 0)  // cannot fail: callers pass the sizes of existing tensors
    if count == 0 { return }
    let level = ElementwiseSplit.isa(isa)
    let t = ElementwiseSplit.threads(threads, elements: count, expensive: false)
    ElementwiseSplit.flat(count, threads: t) { lo, m in
      ck_unary(level, cmp.ck, scalar, x + lo, out + lo, m)
    }
  }

  // MARK: Binary maps

  /// Binary operations; `rsub` is `b - a`, `rdiv` is `b / a`. max/min propagate NaN.
  package enum BinaryOp: Sendable {
    case add, sub, mul, div, max, min, rsub, rdiv
    var ck: ck_binop {
      switch self {
      case .add: return CK_BIN_ADD
      case .sub: return CK_BIN_SUB
      case .mul: return CK_BIN_MUL
      case .div: return CK_BIN_DIV
      case .max: return CK_BIN_MAX
      case .min: return CK_BIN_MIN
      case .rsub: return CK_BIN_RSUB
      case .rdiv: return CK_BIN_RDIV
      }
    }
  }

  /// The shape of the second operand of a binary op on a `rows x cols` first operand.
  package enum Broadcast: Sendable {
    /// `rows x cols`, like a.
    case full
    /// A row vector of length `cols`, applied to every row.
    case row
    /// A column vector of length `rows`: `b[r]` applies to row r.
    case column
    /// `b[0]` applies everywhere.
    case scalar
    var ck: ck_bcast {
      switch self {
      case .full: return CK_BC_FULL
      case .row: return CK_BC_ROW
      case .column: return CK_BC_COL
      case .scalar: return CK_BC_SCALAR
      }
    }
  }

  /// `out[r, c] = a[r, c] op b[...]` with b shaped as `broadcast` says. a (or b, when `.full`)
  /// may be the same buffer as out.
  package static func binary(
    _ op: BinaryOp, a: UnsafePointer<Float>, b: UnsafePointer<Float>, broadcast: Broadcast,
    out: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
    threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(rows >= 0 && cols >= 0)  // cannot fail: callers pass the sizes of existing tensors
    let n = rows * cols
    if n == 0 { return }
    let level = ElementwiseSplit.isa(isa)
    let t = ElementwiseSplit.threads(threads, elements: n, expensive: false)
    switch broadcast {
    case .full, .scalar:
      ElementwiseSplit.flat(n, threads: t) { lo, m in
        ck_binary(level, op.ck, broadcast.ck, a + lo, broadcast == .full ? b + lo : b, out + lo, 1, m)
      }
    case .row, .column:
      ElementwiseSplit.rows(rows, cols: cols, threads: t) { r0, nr in
        let bb = broadcast == .row ? b : b + r0
        ck_binary(level, op.ck, broadcast.ck, a + r0 * cols, bb, out + r0 * cols, nr, cols)
      }
    }
  }

  /// `out[i] = a[i] op scalar` for i in 0..<count; a may be the same buffer as out.
  package static func binary(
    _ op: BinaryOp, a: UnsafePointer<Float>, scalar: Float, out: UnsafeMutablePointer<Float>,
    count: Int, threads: Int? = nil, isa: ck_isa? = nil
  ) {
    withUnsafePointer(to: scalar) { s in
      binary(op, a: a, b: s, broadcast: .scalar, out: out, rows: 1, cols: count, threads: threads, isa: isa)
    }
  }
}
