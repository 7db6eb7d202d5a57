import CKernels
import Foundation

/// Timing of `Gemm.sgemm` for `crescent bench gemm`.
package enum GemmBenchmark {
  /// Times sgemm on random inputs of op(A) m x k, op(B) k x n; warm-up, then repeats until
  /// ~0.3 s elapsed (at least 5 runs); returns the median seconds per call and GFLOP/s (2mnk/s).
  package static func run(m: Int, k: Int, n: Int, transposeA: Bool, transposeB: Bool, threads: Int) -> (seconds: Double, gflops: Double) {
    // Stored shapes: A is k x m when transposed, B is n x k when transposed.
    let lda = transposeA ? m : k, ldb = transposeB ? k : n
    var rng = SplitMix64(seed: 0x5EED)
    let a = (0..<(m * k)).map { _ in Float.random(in: -1...1, using: &rng) }
    let b = (0..<(k * n)).map { _ in Float.random(in: -1...1, using: &rng) }
    var c = [Float](repeating: 0, count: max(1, m * n))
    let call = {
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            Gemm.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                       a: pa.baseAddress!, lda: max(1, lda), b: pb.baseAddress!, ldb: max(1, ldb),  // cannot fail: arrays have addresses even when empty
                       c: pc.baseAddress!, ldc: max(1, n), threads: threads)
          }
        }
      }
    }
    call()  // warm-up: page in the inputs and the packing buffers
    call()
    var times: [Double] = []
    let start = DispatchTime.now().uptimeNanoseconds
    repeat {
      let t0 = DispatchTime.now().uptimeNanoseconds
      call()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9)
    } while times.count < 5 || Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 < 0.3
    times.sort()
    let median = times.count % 2 == 1 ? times[times.count / 2]
      : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    return (median, 2.0 * Double(m) * Double(n) * Double(k) / median / 1e9)
  }
}

/// A fast seeded generator for benchmark inputs (the system one costs a syscall a draw).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
