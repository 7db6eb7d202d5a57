import CKernels
import Foundation
import Synchronization

/// Single-precision matrix multiply, packed and blocked in the Goto/BLIS style.
///
/// op(A) is packed once, whole, into MR-row micro-panels (per K block) and shared by all
/// threads, which pack it together as they first need each K block. C is cut into slabs of micro-panels (see `GemmBlocking`); threads claim slabs
/// one at a time, and for each K block pack the KC x slab block of op(B) into their own
/// buffer, which stays in L2 while the C macro-kernel sweeps every A micro-panel across it
/// and prefetches the source of the next B block (packing B is otherwise DRAM-bound).
///
/// Determinism: the K blocks depend only on the sizes, and every element of C is computed
/// by the same micro-kernel code over the same K blocks in order, whichever thread owns
/// its slab, so results are bit-identical for any thread count.
package enum Gemm {
  /// Below about this many flops (~0.5 ms on one core) a second thread costs more than it saves.
  static let parallelFlops = 5e7

  /// C = alpha * op(A) * op(B) + beta * C, all row-major. op(A) is m x k, op(B) is k x n.
  /// transposeA: A is stored k x m (lda >= m); else m x k (lda >= k). Likewise B.
  /// beta == 0 must not read C (NaN/garbage in C is overwritten).
  /// threads: nil = Parallel.maxThreads. isa: nil = ck_active_isa(); tests pass it explicitly
  /// (never mutate the global ISA in tests: Swift Testing runs tests in parallel).
  package static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                           alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                           b: UnsafePointer<Float>, ldb: Int,
                           beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int,
                           threads: Int? = nil, isa: ck_isa? = nil) {
    precondition(m >= 0 && n >= 0 && k >= 0, "sgemm: negative size")  // cannot fail: sizes of existing tensors (matmul checks the shapes first)
    precondition(ldc >= n, "sgemm: ldc < n")  // cannot fail: as above
    if m == 0 || n == 0 { return }
    if k == 0 || alpha == 0 {
      scale(c, ldc: ldc, m: m, n: n, by: beta)
      return
    }
    precondition(lda >= (transposeA ? m : k) && ldb >= (transposeB ? k : n), "sgemm: bad lda/ldb")  // cannot fail: as above
    // Never run a level the CPU lacks (tests ask for levels explicitly).
    let isa = ck_usable_isa(isa ?? ck_active_isa())
    let blk = GemmBlocking(isa: isa, m: m, n: n, k: k)
    let workers = workerCount(blk, m: m, n: n, k: k, threads: threads)

    // All of op(A) is packed, K block by K block, each block mPanels panels of kc x MR,
    // by the workers themselves: a K block is cut into aChunks items, which workers claim
    // in order (K block major) just before they first need that block, so packing is
    // shared and overlaps other work instead of running alone before the threads start.
    let mPad = blk.mPanels * blk.mr
    let scratch = GemmScratch.ofThisThread
    let aBuf = scratch.take(mPad * k)
    defer { scratch.give(aBuf) }
    let ap = aBuf.ptr.assumingMemoryBound(to: Float.self)
    let kBlocks = blk.kBounds.count - 1
    let aChunks = min(blk.mPanels, 8)  // packing items per K block
    let aItems = kBlocks * aChunks
    // Counters, each on its own cache line: [0] A items claimed, [8 * (kb + 1)] items of
    // K block kb packed.
    let sync = UnsafeMutableRawPointer.allocate(byteCount: 64 * (kBlocks + 1), alignment: 64)
      .bindMemory(to: Int.self, capacity: 8 * (kBlocks + 1))
    sync.initialize(repeating: 0, count: 8 * (kBlocks + 1))
    defer { sync.deallocate() }
    func packA(_ item: Int) {
      let kb = item / aChunks, r = GemmBlocking.range(item % aChunks, of: aChunks, panels: blk.mPanels)
      let k0 = blk.kBounds[kb], kc = blk.kBounds[kb + 1] - k0
      let i0 = r.lowerBound * blk.mr, rows = min(m, r.upperBound * blk.mr) - i0
      if rows > 0 {
        let src = transposeA ? a + k0 * lda + i0 : a + i0 * lda + k0
        ck_gemm_pack_a(isa, transposeA ? 1 : 0, src, lda, rows, kc, ap + k0 * mPad + i0 * kc)
      }
      _ = ck_gemm_fetch_add(sync + 8 * (kb + 1), 1)
    }
    /// Returns once K block kb of packed A is complete, packing unclaimed items up to it.
    func ensureA(_ kb: Int) {
      while ck_gemm_load(sync) < (kb + 1) * aChunks {
        let i = ck_gemm_fetch_add(sync, 1)
        if i >= aItems { break }
        packA(i)
      }
      // The wait is one chunk's packing at most, unless the thread packing it was
      // preempted: then give the core up rather than spin through its time slice.
      var spins = 0
      while ck_gemm_load(sync + 8 * (kb + 1)) < aChunks {
        spins += 1
        if spins < 1 << 12 { ck_gemm_relax() } else { sched_yield() }
      }
    }

    // Per-worker packed-B buffers, one KC x slab block each.
    let kcMax = (0..<kBlocks).map { blk.kBounds[$0 + 1] - blk.kBounds[$0] }.max()!  // cannot fail: k > 0 here, so there is at least one K block
    let bBufs = (0..<workers).map { _ in scratch.take(kcMax * blk.maxSlabCols) }
    defer { bBufs.forEach { scratch.give($0) } }

    // Workers claim slabs from a shared counter, so a thread that starts late or is slowed
    // by other load does less; results do not depend on who computes what.
    let queue = SlabQueue(count: blk.items, runs: workers)
    Parallel.forEach(workers, threads: workers) { w in
      let bp = bBufs[w].ptr.assumingMemoryBound(to: Float.self)
      // Where a slab lies in C.
      func slab(_ item: Int) -> (i0: Int, rows: Int, j0: Int, cols: Int) {
        let mp = GemmBlocking.range(item / blk.nSlabs, of: blk.mSlabs, panels: blk.mPanels)
        let np = GemmBlocking.range(item % blk.nSlabs, of: blk.nSlabs, panels: blk.nPanels)
        let i0 = mp.lowerBound * blk.mr, j0 = np.lowerBound * blk.nr
        return (i0, min(m, mp.upperBound * blk.mr) - i0, j0, min(n, np.upperBound * blk.nr) - j0)
      }
      // The kc x cols block of op(B) at (start of K block kb, j0), as a region of B's storage.
      func bSource(_ j0: Int, _ cols: Int, _ kb: Int) -> ck_gemm_prefetch {
        let k0 = blk.kBounds[kb], kc = blk.kBounds[kb + 1] - k0
        return transposeB
          ? ck_gemm_prefetch(base: b + j0 * ldb + k0, ld: ldb, rows: cols, row_floats: kc)
          : ck_gemm_prefetch(base: b + k0 * ldb + j0, ld: ldb, rows: kc, row_floats: cols)
      }
      // Each slab is a run of K blocks. The next slab is claimed before the last K block
      // of the current one, so its B source can be prefetched meanwhile; not with a single
      // K block, where that would claim two slabs at once and defeat the claim order.
      var current = queue.claim()
      while let item = current {
        var next: Int? = nil
        let (i0, rows, j0, cols) = slab(item)
        for kb in 0..<kBlocks {
          let k0 = blk.kBounds[kb], kc = blk.kBounds[kb + 1] - k0
          ck_gemm_pack_b(isa, transposeB ? 1 : 0, bSource(j0, cols, kb).base!, ldb, kc, cols, bp)  // cannot fail: bSource always sets base
          ensureA(kb)
          var pf = ck_gemm_prefetch(base: nil, ld: 0, rows: 0, row_floats: 0)
          if kb + 1 < kBlocks {
            pf = bSource(j0, cols, kb + 1)
          } else if kBlocks > 1, let nx = queue.claim() {
            next = nx
            let s = slab(nx)
            pf = bSource(s.j0, s.cols, 0)
          }
          // The first K block applies beta; later ones accumulate onto C.
          ck_gemm_macro(isa, rows, cols, kc, ap + k0 * mPad + i0 * kc, bp,
                        c + i0 * ldc + j0, ldc, alpha, kb == 0 ? beta : 1, pf)
        }
        current = kBlocks > 1 ? next : queue.claim()
      }
    }
  }

  /// Threads one call uses: one for small problems, else the budget capped by the work items.
  static func workerCount(_ blk: GemmBlocking, m: Int, n: Int, k: Int, threads: Int?) -> Int {
    let flops = 2.0 * Double(m) * Double(n) * Double(k)
    let want = flops < parallelFlops ? 1 : (threads ?? Parallel.maxThreads)
    return max(1, min(want, blk.items))
  }

  /// C = beta * C over m x n (beta == 0 writes zeros without reading C).
  static func scale(_ c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, by beta: Float) {
    if beta == 1 { return }
    for i in 0..<m {
      let row = c + i * ldc
      if beta == 0 {
        row.update(repeating: 0, count: n)
      } else {
        for j in 0..<n { row[j] *= beta }
      }
    }
  }
}

/// Hands out slab indices 0..<count to whichever worker asks first. The order interleaves
/// `runs` contiguous runs (0, r, 2r, ..., 1, r+1, ...), so slabs in progress at the same
/// time are far apart in C: when ldc is not a multiple of a cache line, neighbouring slabs
/// share lines at their border, and writing both at once would bounce those lines.
final class SlabQueue: Sendable {
  private let claimed = Atomic<Int>(0)
  private let count: Int, runs: Int, runLength: Int
  init(count: Int, runs: Int) {
    self.count = count
    self.runs = max(1, min(runs, count))
    runLength = (count + self.runs - 1) / self.runs
  }
  func claim() -> Int? {
    // Walk the interleaved order, skipping positions past the end of a short last run; each
    // position goes to the one worker whose increment took it.
    while true {
      let i = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
      if i >= runLength * runs { return nil }
      let index = (i % runs) * runLength + i / runs
      if index < count { return index }
    }
  }
}
