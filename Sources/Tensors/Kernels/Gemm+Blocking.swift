import CKernels

/// How one sgemm call is cut into blocks and work items. Every boundary here depends only
/// on the problem size and the ISA, never on the thread count, so each output element is
/// accumulated over K in the same order with any number of threads.
struct GemmBlocking {
  let mr: Int, nr: Int
  /// Boundaries of the K blocks (kBounds.count - 1 blocks); each block is one pass of
  /// the micro-kernels over C.
  let kBounds: [Int]
  /// Work items are slabs of C: `mSlabs` x `nSlabs`, cut at micro-panel boundaries.
  let mPanels: Int, nPanels: Int
  let mSlabs: Int, nSlabs: Int
  /// Largest slab width in columns (sizes the per-thread packed-B buffer).
  let maxSlabCols: Int

  /// Target depth of a K block and width of a slab: a KC x NC block of packed B
  /// (256 x 256 floats = 256 KiB) stays in a 1 MiB L2 next to the prefetched source of
  /// the next block while A micro-panels stream by; narrow slabs also balance threads.
  static func targets(_ isa: ck_isa) -> (kc: Int, ncPanels: Int) {
    switch isa {
    case CK_ISA_AVX512: return (256, 4)
    case CK_ISA_AVX2: return (256, 16)
    default: return (256, 16)
    }
  }

  init(isa: ck_isa, m: Int, n: Int, k: Int) {
    mr = Int(ck_gemm_mr(isa))
    nr = Int(ck_gemm_nr(isa))
    let t = GemmBlocking.targets(isa)
    // K in near-equal blocks of at most KC.
    let kBlocks = (k + t.kc - 1) / t.kc
    kBounds = (0...kBlocks).map { k * $0 / kBlocks }
    mPanels = (m + mr - 1) / mr
    nPanels = (n + nr - 1) / nr
    // Slabs over N: at most ncPanels panels each, and at least 8 slabs where N allows, so
    // that threads claiming them can even out a late start or a stall (narrower slabs cost
    // little: B is still packed once, only A blocks are read once more per slab). Equal
    // widths where possible (12 panels: 12 slabs of 1, not 8 of 1 or 2, whose last claims
    // would leave one thread idle for a narrow slab's time); an even count so two threads
    // balance.
    let width = max(1, min(t.ncPanels, nPanels / 8))
    var ns = (nPanels + width - 1) / width
    if ns % 2 == 1 && ns < nPanels { ns += 1 }
    nSlabs = ns
    // Too narrow to cut over N: cut over M instead (each M slab packs B again, so only then).
    mSlabs = ns >= 2 ? 1 : max(1, min(mPanels / 4, 4))
    maxSlabCols = ((nPanels + ns - 1) / ns) * nr
  }

  var items: Int { mSlabs * nSlabs }
  /// Panel range [lo, hi) of slab `s` out of `count` over `panels` panels.
  @inline(__always)
  static func range(_ s: Int, of count: Int, panels: Int) -> Range<Int> {
    (panels * s / count)..<(panels * (s + 1) / count)
  }
}
