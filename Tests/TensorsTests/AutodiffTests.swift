import Testing
@testable import Tensors

/// Every differentiable tensor operation against finite differences: the tape's gradient of
/// Σ f(x) ⊙ R equals the numeric one.
@Suite struct AutodiffTests {
  static let ops: [(String, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
    ("add row", { x, c in try x.applying(.add, c.row(0)) }),
    ("sub column", { x, c in try c.applying(.sub, x.columns(0..<1)) }),
    ("mul", { x, c in try x.applying(.mul, c) }),
    ("div", { x, c in try c.applying(.div, x.applying(.abs).applying(.add, 1)) }),
    ("pow scalar", { x, _ in try x.applying(.abs).applying(.add, 0.5).applying(.pow, Tensor(scalar: 1.7)) }),
    ("pow tensor", { x, c in try c.applying(.abs).applying(.add, 0.5).applying(.pow, x) }),
    ("maximum", { x, c in try x.applying(.maximum, c) }),
    ("minimum", { x, c in try x.applying(.minimum, c) }),
    ("neg abs", { x, _ in x.applying(.neg).applying(.abs) }),
    ("sqrt", { x, _ in x.applying(.abs).applying(.add, 0.5).applying(.sqrt) }),
    ("exp log", { x, _ in x.applying(.exp).applying(.add, 1).applying(.log) }),
    ("square", { x, _ in x.applying(.square) }),
    ("sigmoid tanh", { x, _ in x.applying(.sigmoid).applying(.tanh) }),
    ("relu", { x, _ in x.applying(.relu) }),
    ("clamp", { x, _ in x.clamped(-0.5, 0.7) }),
    ("sum all", { x, _ in try x.reduced(.sum) }),
    ("mean axis 0", { x, _ in try x.reduced(.mean, axis: 0) }),
    ("sum axis 1 keep", { x, c in try x.reduced(.sum, axis: 1, keepDims: true).applying(.mul, c) }),
    ("max axis 1", { x, _ in try x.reduced(.max, axis: 1) }),
    ("min all", { x, _ in try x.reduced(.min) }),
    ("matmul", { x, c in try x.matmul(c, transposeB: true) }),
    ("matmul ta", { x, c in try x.matmul(c, transposeA: true) }),
    ("matmul tb other side", { x, c in try c.matmul(x, transposeA: true, transposeB: false) }),
    ("matmul both", { x, c in try c.transposed().matmul(x, transposeA: true, transposeB: true) }),
    ("transpose reshape", { x, _ in try x.transposed().reshaped([x.count]) }),
    ("rows row", { x, _ in try x.rows(1..<3).row(1) }),
    ("columns", { x, _ in try x.columns(1..<3) }),
    ("index_select", { x, _ in try x.gatherRows([2, 0, 2]) }),
    ("concat", { x, c in try Tensor.concatenateRows([x, c, x]) }),
  ]

  @Test(arguments: ops.map(\.0))
  func gradientMatchesFiniteDifferences(_ name: String) throws {
    let f = Self.ops.first { $0.0 == name }!.1
    var r = RandomStream(seed: 17)
    // Values kept away from kinks (relu, abs, max, clamp) so differences are meaningful.
    let x0 = try Tensor.randomUniform([4, 3], low: 0.15, high: 1.2, stream: &r)
      .applying(.mul, Tensor(shape: [4, 3], scalars: [1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1]))
    let c = Tensor.randomUniform([4, 3], low: -1, high: 1, stream: &r)
    let x = x0.requiringGradient()
    let y = try f(x, c)
    let weights = Tensor.randomNormal(y.shape, stream: &r)
    try y.applying(.mul, weights).reduced(.sum).backward()
    let analytic = try #require(x.grad)
    func objective(_ v: Tensor) throws -> Double {
      let out = try Autograd.withoutGradients { try f(v, c) }
      return zip(out.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
    let eps: Float = 1e-2
    for i in 0..<x0.count {
      var plus = x0, minus = x0
      plus.withUnsafeMutableBufferPointer { $0[i] += eps }
      minus.withUnsafeMutableBufferPointer { $0[i] -= eps }
      let numeric = (try objective(plus) - objective(minus)) / Double(2 * eps)
      let a = Double(analytic.scalars[i])
      #expect(abs(a - numeric) <= 3e-3 + 2e-2 * abs(numeric), "\(name): d/dx[\(i)] analytic \(a) vs numeric \(numeric)")
    }
  }

  @Test func gradientsAccumulateAndLeavesAreDistinct() throws {
    let a = Tensor(shape: [2], scalars: [1, 2]).requiringGradient()
    let b = Tensor(shape: [2], scalars: [3, 4]).requiringGradient()
    try a.applying(.mul, b).reduced(.sum).backward()
    try a.applying(.mul, 2).reduced(.sum).backward()
    #expect(a.grad?.scalars == [5, 6])
    #expect(b.grad?.scalars == [1, 2])
    #expect(!a.detached().requiresGrad)
    #expect(throws: TensorError.self) { try Tensor.ones([2]).backward() }
    #expect(throws: TensorError.self) { try a.applying(.mul, 2).backward() }
  }

  @Test func nothingIsRecordedWithoutAGradient() {
    let t = Tensor.ones([3]).applying(.exp)
    #expect(t.autograd == nil)
    let u = Autograd.withoutGradients { Tensor.ones([3]).requiringGradient().applying(.exp) }
    #expect(u.autograd == nil)
  }
}
