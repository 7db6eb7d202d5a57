import CKernels
import Testing

/// The kernel tables: one per ISA level, chosen by one cap (`ck_usable_isa`) for every entry point.
@Suite struct KernelTableTests {
  static let levels: [ck_isa] = [CK_ISA_PORTABLE, CK_ISA_AVX2, CK_ISA_AVX512]

  @Test(arguments: levels.map(\.rawValue))
  func everyLevelRunsTheTableOfItsCappedLevel(raw: UInt32) {
    let asked = ck_isa(rawValue: raw)
    let cap = ck_detected_isa()
    let expected = raw > cap.rawValue ? cap : asked
    #expect(ck_usable_isa(asked) == expected)
    #expect(ck_kernel_table_isa(asked) == expected)
    #expect(ck_kernel_table_complete(asked) == 1)
  }

  /// The GEMM tile is the micro-kernel's of the level that runs: 4x16 portable, 6x16 AVX2,
  /// 6x64 AVX-512, so asking for a level the CPU lacks gives the tile of the level it gets.
  @Test(arguments: levels.map(\.rawValue))
  func gemmTileIsTheRunningMicroKernels(raw: UInt32) {
    let asked = ck_isa(rawValue: raw)
    let tiles: [UInt32: (Int32, Int32)] = [0: (4, 16), 1: (6, 16), 2: (6, 64)]
    let running = ck_usable_isa(asked).rawValue
    #expect(ck_gemm_mr(asked) == tiles[running]!.0)
    #expect(ck_gemm_nr(asked) == tiles[running]!.1)
  }

  /// The C entry points cap the level themselves: packing and multiplying with AVX-512 asked
  /// for gives the plain product on any CPU.
  @Test func gemmEntryPointsCapTheLevelTheyAreGiven() {
    let isa = CK_ISA_AVX512
    let m = 7, n = 19, k = 5
    let mr = Int(ck_gemm_mr(isa)), nr = Int(ck_gemm_nr(isa))
    let a = (0..<(m * k)).map { Float($0 % 7) - 3 }
    let b = (0..<(k * n)).map { Float($0 % 5) - 2 }
    var ap = [Float](repeating: 0, count: (m + mr - 1) / mr * mr * k)
    var bp = [Float](repeating: 0, count: (n + nr - 1) / nr * nr * k)
    var c = [Float](repeating: 0, count: m * n)
    ck_gemm_pack_a(isa, 0, a, k, m, k, &ap)
    ck_gemm_pack_b(isa, 0, b, n, k, n, &bp)
    ck_gemm_macro(isa, m, n, k, ap, bp, &c, n, 1, 0, ck_gemm_prefetch(base: nil, ld: 0, rows: 0, row_floats: 0))
    for i in 0..<m {
      for j in 0..<n {
        let want = (0..<k).reduce(Float(0)) { $0 + a[i * k + $1] * b[$1 * n + j] }
        #expect(c[i * n + j] == want, "C[\(i), \(j)]")
      }
    }
  }

  /// Setting the level in use caps it as every entry point does.
  @Test func settingTheLevelCapsIt() {
    let before = ck_active_isa()
    #expect(ck_set_isa(CK_ISA_AVX512) == ck_detected_isa())
    _ = ck_set_isa(before)
  }
}
