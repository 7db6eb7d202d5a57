import CKernels
import Foundation
import Testing
import TestSupport
@testable import Tensors

/// One GEMM problem with padded leading dimensions, in storage layout.
private struct Problem {
  let m: Int, n: Int, k: Int, ta: Bool, tb: Bool
  let lda: Int, ldb: Int, ldc: Int
  let alpha: Float, beta: Float
  var a: [Float], b: [Float], c0: [Float]

  init(m: Int, n: Int, k: Int, ta: Bool, tb: Bool, alpha: Float, beta: Float, pad: Int, seed: UInt64) {
    self.m = m; self.n = n; self.k = k; self.ta = ta; self.tb = tb
    self.alpha = alpha; self.beta = beta
    lda = (ta ? m : k) + pad; ldb = (tb ? k : n) + pad; ldc = n + pad
    var rng = TestSupport.SplitMix64(seed: seed)
    a = (0..<((ta ? k : m) * lda)).map { _ in rng.signedUnit() }
    b = (0..<((tb ? n : k) * ldb)).map { _ in rng.signedUnit() }
    // beta == 0 must overwrite whatever C holds, NaN included.
    c0 = (0..<(m * ldc)).map { _ in beta == 0 ? .nan : rng.signedUnit() }
  }

  func opA(_ i: Int, _ p: Int) -> Double { Double(ta ? a[p * lda + i] : a[i * lda + p]) }
  func opB(_ p: Int, _ j: Int) -> Double { Double(tb ? b[j * ldb + p] : b[p * ldb + j]) }

  /// The naive triple loop, accumulated in Double (over contiguous copies of op(A) and
  /// op(B)ᵀ, so it stays quick in debug builds).
  func reference() -> [Double] {
    var ar = [Double](repeating: 0, count: m * k), bt = [Double](repeating: 0, count: n * k)
    for i in 0..<m { for p in 0..<k { ar[i * k + p] = opA(i, p) } }
    for j in 0..<n { for p in 0..<k { bt[j * k + p] = opB(p, j) } }
    var out = [Double](repeating: 0, count: m * n)
    ar.withUnsafeBufferPointer { ar in
      bt.withUnsafeBufferPointer { bt in
        for i in 0..<m {
          for j in 0..<n {
            var s = 0.0
            let x = ar.baseAddress! + i * k, y = bt.baseAddress! + j * k
            for p in 0..<k { s += x[p] * y[p] }
            let old = beta == 0 ? 0 : Double(beta) * Double(c0[i * ldc + j])
            out[i * n + j] = Double(alpha) * s + old
          }
        }
      }
    }
    return out
  }

  func run(threads: Int, isa: ck_isa) -> [Float] {
    var c = c0
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          Gemm.sgemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: alpha,
                     a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                     beta: beta, c: pc.baseAddress!, ldc: ldc, threads: threads, isa: isa)
        }
      }
    }
    return c
  }
}

/// Shapes with awkward tails against every micro-tile size.
private let shapes: [(Int, Int, Int)] = {
  let small = [1, 7, 63, 65]
  var s: [(Int, Int, Int)] = []
  for m in small { for n in small { for k in small { s.append((m, n, k)) } } }
  s += [(1001, 7, 65), (7, 1001, 63), (65, 63, 1001), (1, 1001, 1), (1001, 1, 1001),
        (130, 257, 129)]
  return s
}()

@Suite struct GemmTests {
  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func matchesNaiveLoop(ta: Bool, tb: Bool) {
    for (idx, (m, n, k)) in shapes.enumerated() {
      // Cycle through scaling cases: beta = 0 over NaN, general alpha/beta, plain 1/0.
      let (alpha, beta): (Float, Float) = [(1.5, 0), (-0.75, 1.25), (1, 0), (0.5, 1)][idx % 4]
      let p = Problem(m: m, n: n, k: k, ta: ta, tb: tb, alpha: alpha, beta: beta,
                      pad: idx % 3 == 0 ? 0 : 3, seed: UInt64(idx * 4 + (ta ? 1 : 0) + (tb ? 2 : 0)))
      let ref = p.reference()
      let tol = 1e-4 * Double(k).squareRoot()
      for raw in availableISARawValues {
        let c = p.run(threads: 1, isa: ck_isa(rawValue: raw))
        var worst = 0.0
        for i in 0..<m {
          for j in 0..<n {
            let r = ref[i * n + j]
            worst = max(worst, abs(Double(c[i * p.ldc + j]) - r) / max(1, abs(r)))
          }
          // Padding columns of C are never touched.
          for j in n..<p.ldc where c[i * p.ldc + j].bitPattern != p.c0[i * p.ldc + j].bitPattern {
            Issue.record("isa \(raw) \(m)x\(n)x\(k): wrote padding at (\(i), \(j))")
          }
        }
        #expect(worst <= tol, "isa \(raw) ta=\(ta) tb=\(tb) \(m)x\(n)x\(k) alpha=\(alpha) beta=\(beta): error \(worst)")
      }
    }
  }

  @Test(arguments: availableISARawValues)
  func oneAndTwoThreadsAreBitIdentical(raw: UInt32) {
    let isa = ck_isa(rawValue: raw)
    // One shape cut over N, one tall-and-narrow one cut over M.
    for (m, n, k, ta, tb) in [(150, 300, 600, false, true), (1200, 24, 900, true, false)] {
      let blk = GemmBlocking(isa: isa, m: m, n: n, k: k)
      #expect(Gemm.workerCount(blk, m: m, n: n, k: k, threads: 2) == 2, "shape too small to use 2 threads")
      let p = Problem(m: m, n: n, k: k, ta: ta, tb: tb, alpha: 0.5, beta: -1, pad: 1, seed: 7)
      let one = p.run(threads: 1, isa: isa), two = p.run(threads: 2, isa: isa)
      #expect(one.map(\.bitPattern) == two.map(\.bitPattern), "isa \(raw) \(m)x\(n)x\(k)")
    }
  }

  @Test func degenerateSizes() {
    var c: [Float] = [1, 2, 3, 4]
    let a: [Float] = [1, 1, 1, 1], b: [Float] = [1, 1, 1, 1]
    // k == 0: C = beta * C.
    Gemm.sgemm(transposeA: false, transposeB: false, m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 2,
               beta: 2, c: &c, ldc: 2)
    #expect(c == [2, 4, 6, 8])
    c = [.nan, .nan, .nan, .nan]
    Gemm.sgemm(transposeA: false, transposeB: false, m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 2,
               beta: 0, c: &c, ldc: 2)
    #expect(c == [0, 0, 0, 0])
    // m == 0 or n == 0: nothing happens.
    Gemm.sgemm(transposeA: true, transposeB: true, m: 0, n: 2, k: 2, a: a, lda: 1, b: b, ldb: 2,
               beta: 0, c: &c, ldc: 2)
    Gemm.sgemm(transposeA: false, transposeB: false, m: 2, n: 0, k: 2, a: a, lda: 2, b: b, ldb: 1,
               beta: 0, c: &c, ldc: 1)
    #expect(c == [0, 0, 0, 0])
  }

  @Test func benchmarkReportsPositiveRates() {
    let r = GemmBenchmark.run(m: 9, k: 5, n: 7, transposeA: true, transposeB: true, threads: 1)
    #expect(r.seconds > 0 && r.gflops > 0 && r.gflops.isFinite)
  }
}
