import CKernels
import Testing
import TestSupport
@testable import CrescentMetrics
import Tensors

/// The streaming metrics' kernels (cell conversions, the ranking's bucket passes) against
/// their scalar twins, on every ISA this CPU has.
struct MetricKernelTests {
  /// Scores within [0, 1] with every edge the keys care about, then random ones.
  static func unitScores() -> [Float] {
    var s: [Float] = [0, -0.0, 1, 0.5, Float(0.5).nextUp, Float(0.5).nextDown, .leastNonzeroMagnitude,
                      .leastNormalMagnitude, 1e-30, 1e-7, 0.25, 0.75, Float(1).nextDown, 0.9999]
    var random = RandomStream(seed: 21)
    for _ in 0..<1000 { s.append(random.uniform()) }
    for _ in 0..<300 { s.append(1 - random.uniform() * 1e-4) }
    return s
  }

  @Test func unitKeysMatchScoreKey() {
    let scores = MetricKernelTests.unitScores()
    checkKernel { isa in
      for n in Array(0...40) + [scores.count] {
        var keys = [UInt32](repeating: 7, count: n)
        scores.withUnsafeBufferPointer { s in keys.withUnsafeMutableBufferPointer { ck_unit_keys(isa, s.baseAddress!, $0.baseAddress!, n) } }
        let expected = scores.prefix(n).map(ScoreKey.unit)
        #expect(keys == expected, "isa \(isa.rawValue) n \(n)")
      }
    }
  }

  /// Truth bytes and the flags: bad (a truth not 0 or 1, or a NaN score), outside [0, 1].
  @Test func truthBytesMatchScalarChecks() {
    let truths: [Float] = [0, 1, -0.0, 0.5, 2, .nan, -1]
    let odd: [Float] = [.nan, -1e-30, 1.0000001, 2, .infinity, -.infinity, -0.0, 0, 1]  // and the edges within
    var random = RandomStream(seed: 22)
    checkKernel { isa in
      for trial in 0..<400 {
        let n = trial % 70
        var t = (0..<n).map { _ in Float(random.integer(below: 2)) }
        var s = (0..<n).map { _ in random.uniform() }
        // Now and then one odd truth or score, anywhere (vector body or tail).
        if n > 0 && trial % 3 == 0 { t[random.integer(below: n)] = truths[random.integer(below: truths.count)] }
        if n > 0 && trial % 4 == 0 { s[random.integer(below: n)] = odd[random.integer(below: odd.count)] }
        var t8 = [UInt8](repeating: 9, count: n)
        let flags = t.withUnsafeBufferPointer { tp in
          s.withUnsafeBufferPointer { sp in
            t8.withUnsafeMutableBufferPointer { ck_truth_bytes(isa, tp.baseAddress!, sp.baseAddress!, $0.baseAddress!, n) }
          }
        }
        let bad = zip(t, s).contains { ($0 != 0 && $0 != 1) || $1.isNaN }
        let outside = s.contains { ($0 + 0).bitPattern > Float(1).bitPattern }
        #expect(t8 == t.map { $0 == 1 ? 1 : 0 }, "isa \(isa.rawValue) trial \(trial)")
        #expect(flags & 1 == (bad ? 1 : 0) && flags & 2 == (outside ? 2 : 0), "isa \(isa.rawValue) trial \(trial) flags \(flags)")
      }
    }
  }

  /// Bucket counts (cells low, positives high): empty, all-positive, all-negative and mixed
  /// buckets, some with counts near 2^31.
  static func bucketTable(_ buckets: Int, random: inout RandomStream) -> [UInt64] {
    (0..<buckets).map { _ in
      let cells = UInt64(random.integer(below: 3) == 0 ? 0 : random.integer(below: random.integer(below: 10) == 0 ? 1 << 30 : 9))
      let positives = [0, cells, UInt64(random.integer(below: Int(cells) + 1))][random.integer(below: 3)]
      return cells | positives << 32
    }
  }

  /// Scalar twin of ck_ap_buckets.
  static func apBuckets(_ table: inout [UInt64], spare: UInt64) -> (entries: UInt64, crowded: UInt64) {
    var entries: UInt64 = 0, crowded: UInt64 = 0, negatives: UInt64 = 0
    for d in table.indices {
      let c = table[d], total = c & 0xFFFF_FFFF, positives = c >> 32
      negatives &+= total &- positives
      let gathered: UInt64 = positives != 0 ? .max : 0
      table[d] = ((entries | 1 << 63) & gathered) | (spare & ~gathered) | negatives << 32
      entries &+= total & gathered
      crowded = max(crowded, total & gathered)
    }
    return (entries, crowded)
  }

  /// Scalar twin of ck_roc_buckets.
  static func rocBuckets(_ table: inout [UInt64], spare: UInt64) -> (gathered: UInt64, crowded: UInt64, area2: UInt64) {
    var area2: UInt64 = 0, below: UInt64 = 0, gathered: UInt64 = 0, crowded: UInt64 = 0
    for d in table.indices {
      let c = table[d], total = c & 0xFFFF_FFFF, positives = c >> 32, negatives = total &- positives
      area2 &+= positives &* below
      below &+= negatives
      let mixed: UInt64 = positives != 0 && negatives != 0 ? .max : 0
      table[d] = ((gathered | 1 << 32) & mixed) | (spare & ~mixed)
      gathered &+= total & mixed
      crowded = max(crowded, total & mixed)
    }
    return (gathered, crowded, area2)
  }

  @Test func bucketPassesMatchScalarLoops() {
    var random = RandomStream(seed: 23)
    checkKernel { isa in
      for buckets in Array(0...40) + [2048, 2053] {
        let table = MetricKernelTests.bucketTable(buckets, random: &random)
        let spare = UInt64(random.integer(below: 1 << 20))
        var expected = table, ap = table
        let want = MetricKernelTests.apBuckets(&expected, spare: spare)
        var crowded: UInt64 = 0
        let entries = ap.withUnsafeMutableBufferPointer { ck_ap_buckets(isa, $0.baseAddress, buckets, spare, &crowded) }
        #expect(ap == expected && entries == want.entries && crowded == want.crowded, "ap isa \(isa.rawValue) buckets \(buckets)")

        var rocExpected = table, roc = table
        let rocWant = MetricKernelTests.rocBuckets(&rocExpected, spare: spare)
        var area2: UInt64 = 0
        let gathered = roc.withUnsafeMutableBufferPointer { ck_roc_buckets(isa, $0.baseAddress, buckets, spare, &crowded, &area2) }
        #expect(roc == rocExpected && gathered == rocWant.gathered && crowded == rocWant.crowded && area2 == rocWant.area2,
                "roc isa \(isa.rawValue) buckets \(buckets)")
      }
    }
  }
}
