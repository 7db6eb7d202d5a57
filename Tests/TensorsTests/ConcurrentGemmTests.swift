import Testing
import TestSupport
@testable import Tensors

/// sgemm called from many threads at once: each caller packs into scratch buffers of its own
/// thread, so concurrent products neither share nor lose buffers, and each equals the same
/// product computed alone, bit for bit.
@Suite struct ConcurrentGemmTests {
  /// A k x n product of a seeded m x k and k x n, on `threads` kernel threads.
  static func product(m: Int, k: Int, n: Int, seed: UInt64, threads: Int) -> [Float] {
    var rng = TestSupport.SplitMix64(seed: seed)
    let a = (0..<(m * k)).map { _ in rng.signedUnit() }, b = (0..<(k * n)).map { _ in rng.signedUnit() }
    var c = [Float](repeating: .nan, count: m * n)
    c.withUnsafeMutableBufferPointer { c in
      Gemm.sgemm(transposeA: false, transposeB: false, m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n,
                 c: c.baseAddress!, ldc: n, threads: threads)
    }
    return c
  }

  @Test func productsOnManyThreadsAtOnceEqualEachAlone() async {
    // Sizes that take different scratch sizes (one K block and several), run twice each.
    let shapes = [(64, 96, 80), (200, 700, 130), (33, 1500, 257), (300, 300, 300)]
    let jobs = (shapes + shapes).enumerated().map { i, s in (m: s.0, k: s.1, n: s.2, seed: UInt64(i % shapes.count), threads: 1 + i % 2) }
    let alone = jobs.map { Self.product(m: $0.m, k: $0.k, n: $0.n, seed: $0.seed, threads: 1) }
    let together = await withTaskGroup(of: (Int, [Float]).self) { group in
      for (i, j) in jobs.enumerated() {
        group.addTask { (i, Self.product(m: j.m, k: j.k, n: j.n, seed: j.seed, threads: j.threads)) }
      }
      var out = [[Float]](repeating: [], count: jobs.count)
      for await (i, c) in group { out[i] = c }
      return out
    }
    for i in jobs.indices {
      #expect(together[i] == alone[i], "product \(i) (\(jobs[i].m)x\(jobs[i].k)x\(jobs[i].n)) differs when run alongside others")
    }
  }

  @Test func allocationCountsStayWithTheirTask() async throws {
    // Each task counts only the storages it allocates itself, while others allocate at once.
    let counts = await withTaskGroup(of: (Int, Int).self) { group in
      for n in 1...6 {
        group.addTask {
          let counter = AllocationCounter()
          TensorStorage.$counter.withValue(counter) {
            for _ in 0..<n * 10 { _ = Tensor(shape: [4, 4], repeating: 1) }
          }
          return (n * 10, counter.count)
        }
      }
      var out: [(Int, Int)] = []
      for await pair in group { out.append(pair) }
      return out
    }
    for (want, got) in counts { #expect(got == want) }
  }
}
