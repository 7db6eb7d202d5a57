import CKernels
import Tensors

/// ROC AUC and average precision (per label or pooled) over kept float32 scores, ranked as
/// float32. Converting to float64 keeps the order and the ties of float32 values, so the
/// steps of the curve, and every count summed along it, are those of the whole-array metric
/// on the same scores in float64: the results are the same Doubles.
///
/// The cells come as `KeptKeys`; each label's are gathered into one run. A counting pass
/// over about n/2 buckets (by the keys' leading bits above the smallest key) settles the
/// order between buckets; only the buckets whose inside order can change the result are
/// gathered (ROC AUC: those holding both truths; average precision: those holding a
/// positive) and sorted by an insertion sort that makes its short moves without
/// branches; crowded buckets are sorted on their own. The buffers are kept from one call to
/// the next.
struct FloatRanking {
  enum Metric {
    /// Per-label values combined as `average` (macro, weighted), or every cell pooled (micro).
    case rocAuc(Average), averagePrecision(Average)
  }

  /// Per worker: bucket counts, the cells (key above the smallest, then the truth bit), and
  /// one label's keys and truths gathered into one run.
  private var counts = [UInt64](), cells = [UInt64](), labelKeys = [UInt32](), labelTruths = [UInt8]()

  /// Cells from which the labels are ranked on two cores (below, handing half the labels to
  /// another thread costs about what it saves).
  static let sharedFrom = 1 << 17
  /// The most buckets one ranking uses.
  static let maxBuckets = 1 << 17
  /// The most cells one ranking takes (bucket counts are 32-bit).
  static let maxCells = Int(Int32.max)

  /// The metric over the kept cells (micro: all of them as one problem).
  mutating func value(_ metric: Metric, kept: KeptKeys) -> Double {
    let (isRoc, average): (Bool, Average)
    switch metric {
    case .rocAuc(let a): (isRoc, average) = (true, a)
    case .averagePrecision(let a): (isRoc, average) = (false, a)
    }
    let n = kept.rows, L = kept.labels
    // Per label, the labels in two halves on both cores once there is enough work to share.
    let workers = average != .micro && n * L >= FloatRanking.sharedFrom && L >= 2 ? min(2, Parallel.maxThreads) : 1
    let size = average == .micro ? n * L : n
    let buckets = 1 << FloatRanking.bucketBits(size)
    if cells.count < workers * (size + 1) { cells = [UInt64](repeating: 0, count: workers * (size + 1)) }
    if counts.count < workers * buckets { counts = [UInt64](repeating: 0, count: workers * buckets) }
    let gathered = max(workers * n, 1)  // never empty: the buffers' addresses are passed on
    if labelKeys.count < gathered {
      labelKeys = [UInt32](repeating: 0, count: gathered)
      labelTruths = [UInt8](repeating: 0, count: gathered)
    }
    var per = [Double](repeating: 0, count: L), support = [Int](repeating: 0, count: L)
    let micro = withBuffers(kept, values: &per, support: &support) { b in
      if average == .micro {
        return FloatRanking.binary(isRoc, Problem(keys: b.keys, truths: b.truths, count: size), counts: b.counts, cells: b.cells)
      }
      Parallel.forEach(workers) { w in
        for j in (L * w / workers)..<(L * (w + 1) / workers) {
          let x = Problem(gathering: b.keys + j, truths: b.truths + j, count: n, stride: L,
                          into: b.labelKeys + w * n, b.labelTruths + w * n)
          b.values[j] = FloatRanking.binary(isRoc, x, counts: b.counts + w * buckets, cells: b.cells + w * (n + 1))
          b.support[j] = x.positives
        }
      }
      return 0
    }
    return average == .micro ? micro : combine(per, support: support, average: average)
  }

  /// Runs `body` with pointers to the kept cells, the buffers and the per-label results.
  private mutating func withBuffers(_ kept: KeptKeys, values: inout [Double], support: inout [Int],
                                    _ body: (Buffers) -> Double) -> Double {
    kept.keys.withUnsafeBufferPointer { k in
      kept.truths.withUnsafeBufferPointer { t in
        counts.withUnsafeMutableBufferPointer { c in
          cells.withUnsafeMutableBufferPointer { g in
            labelKeys.withUnsafeMutableBufferPointer { lk in
              labelTruths.withUnsafeMutableBufferPointer { lt in
                values.withUnsafeMutableBufferPointer { v in
                  support.withUnsafeMutableBufferPointer { s in
                    body(Buffers(keys: k.baseAddress!, truths: t.baseAddress!, counts: c.baseAddress!, cells: g.baseAddress!,  // cannot fail: buffers from arrays or temporary allocations have addresses
                                 labelKeys: lk.baseAddress!, labelTruths: lt.baseAddress!,  // cannot fail: buffers from arrays or temporary allocations have addresses
                                 values: v.baseAddress!, support: s.baseAddress!))  // cannot fail: buffers from arrays or temporary allocations have addresses
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// One binary problem: its n keys and truths, in one run, with their range and positives.
  struct Problem {
    let keys: UnsafePointer<UInt32>, truths: UnsafePointer<UInt8>
    let count: Int
    let low: UInt32, high: UInt32
    let positives: Int

    /// The n cells from `keys` and `truths`.
    init(keys: UnsafePointer<UInt32>, truths: UnsafePointer<UInt8>, count n: Int) {
      self.keys = keys
      self.truths = truths
      count = n
      var lo = UInt32.max, hi = UInt32.min, p = 0
      for i in 0..<n {
        lo = min(lo, keys[i])
        hi = max(hi, keys[i])
        p &+= Int(truths[i])
      }
      (low, high, positives) = (lo, hi, p)
    }

    /// The n cells `stride` apart from `keys` and `truths`, copied into one run at `intoKeys`
    /// and `intoTruths`.
    init(gathering keys: UnsafePointer<UInt32>, truths: UnsafePointer<UInt8>, count n: Int, stride: Int,
         into intoKeys: UnsafeMutablePointer<UInt32>, _ intoTruths: UnsafeMutablePointer<UInt8>) {
      self.keys = UnsafePointer(intoKeys)
      self.truths = UnsafePointer(intoTruths)
      count = n
      var lo = UInt32.max, hi = UInt32.min, p = 0
      for i in 0..<n {
        let k = keys[i * stride], t = truths[i * stride]
        intoKeys[i] = k
        intoTruths[i] = t
        lo = min(lo, k)
        hi = max(hi, k)
        p &+= Int(t)
      }
      (low, high, positives) = (lo, hi, p)
    }
  }

  /// The buffers the workers share (each writes its own part).
  private struct Buffers: @unchecked Sendable {
    let keys: UnsafePointer<UInt32>, truths: UnsafePointer<UInt8>
    let counts: UnsafeMutablePointer<UInt64>, cells: UnsafeMutablePointer<UInt64>
    let labelKeys: UnsafeMutablePointer<UInt32>, labelTruths: UnsafeMutablePointer<UInt8>
    let values: UnsafeMutablePointer<Double>, support: UnsafeMutablePointer<Int>
  }

  /// Bucket bits for `n` cells: about n / 2 buckets (half the power of two at or above n), at
  /// most `maxBuckets`; a bucket costs about what a cell does in the passes over them.
  static func bucketBits(_ n: Int) -> Int {
    min(maxBuckets.trailingZeroBitCount, max(0, Int.bitWidth - max(n - 1, 1).leadingZeroBitCount - 1))
  }

  /// ROC AUC or average precision of one binary problem. `counts` has room for
  /// `1 << bucketBits(n)` buckets, `cells` for n + 1 cells.
  static func binary(_ isRoc: Bool, _ x: Problem, counts: UnsafeMutablePointer<UInt64>,
                     cells a: UnsafeMutablePointer<UInt64>) -> Double {
    let n = x.count, P = x.positives
    if isRoc { return P == 0 || P == n ? .nan : rocAuc(x, table: counts, cells: a) }
    return P == 0 ? 0 : averagePrecision(x, table: counts, cells: a)
  }

  /// Counts each bucket's cells (low half) and positives (high half) into `table`, bucketed
  /// by the keys' leading bits above the smallest (`bucketBits`). Returns the shift from a key
  /// above the smallest to its bucket, and the buckets.
  static func count(_ x: Problem, into table: UnsafeMutablePointer<UInt64>) -> (shift: UInt32, buckets: Int) {
    let n = x.count, k = x.keys, t = x.truths, lo = x.low
    let rangeBits = UInt32.bitWidth - (x.high &- lo).leadingZeroBitCount
    let bits = min(rangeBits, bucketBits(n))
    let shift = UInt32(rangeBits - bits), buckets = 1 << bits
    table.update(repeating: 0, count: buckets)
    for i in 0..<n { table[Int((k[i] &- lo) &>> shift)] &+= 1 &+ UInt64(t[i]) &<< 32 }
    return (shift, buckets)
  }

  /// Average precision: from the highest score down, one step per distinct score (as
  /// RankedBinary.walk), adding recall gained times precision where the step has positives.
  /// Only the cells of buckets holding a positive are gathered and sorted (an entry: the key
  /// above the smallest, then the truth bit). A step's false positives are the negatives of
  /// the buckets above its own, from the counts, and those of its bucket at or above it.
  static func averagePrecision(_ x: Problem, table: UnsafeMutablePointer<UInt64>, cells a: UnsafeMutablePointer<UInt64>) -> Double {
    let n = x.count, k = x.keys, t = x.truths, lo = x.low, P = x.positives
    let (shift, buckets) = count(x, into: table)
    // Each bucket's entry: where its next cell goes (the spare slot n when it has no
    // positive), the negatives at or below it (bits 32...62) and whether it is gathered (bit
    // 63, the step from one cell to the next), in one vectorised pass.
    var crowded: UInt64 = 0
    let entries = ck_ap_buckets(ck_active_isa(), table, buckets, UInt64(n), &crowded)
    for i in 0..<n {
      let above = k[i] &- lo, d = Int(above &>> shift), e = table[d]
      a[Int(truncatingIfNeeded: e & 0xFFFF_FFFF)] = UInt64(above) &<< 32 | UInt64(t[i])
      table[d] = e &+ (e &>> 63)
    }
    let m = Int(entries)
    if crowded <= 32 {
      nearlySorted(a, m)
    } else {
      // Entries now sit in bucket order; sort each run of equal buckets.
      let keyShift = UInt64(shift) &+ 32
      var start = 0
      while start < m {
        var end = start + 1
        while end < m && a[end] >> keyShift == a[start] >> keyShift { end += 1 }
        sortBucket(a, start, end)
        start = end
      }
    }
    let allNegatives = n - P, bucketShift = UInt64(shift) &+ 32
    // One entry at a time, without branches: a step ends where the next entry's key differs
    // (or at the last), and adds its term when it has positives (adding 0 otherwise leaves
    // the sum as it was).
    var tps = 0, run = 0, within = 0, previousBucket = UInt64.max, sum = 0.0
    var i = m - 1
    while i >= 0 {
      let e = a[i], bucket = e &>> bucketShift, positive = Int(e & 1)
      let next = a[max(i - 1, 0)]
      let ends = Int((next ^ e) &>> 32 != 0 ? 1 : 0) | Int(i == 0 ? 1 : 0)
      within = (bucket == previousBucket ? within : 0) &+ 1 &- positive
      previousBucket = bucket
      tps &+= positive
      run &+= positive
      let below = Int(truncatingIfNeeded: (table[Int(truncatingIfNeeded: bucket)] &>> 32) & 0x7FFF_FFFF)
      let fps = allNegatives &- below &+ within
      let term = Double(run &* tps) / Double(P &* (tps &+ fps))  // recall gained × precision, one rounding
      sum += term * Double(ends & Int(run > 0 ? 1 : 0))
      run &= ends &- 1
      i -= 1
    }
    return sum
  }

  /// ROC AUC: twice the area counts, for each positive, twice the negatives below it and once
  /// those tied with it. One count per bucket of its positives and cells gives every pair in
  /// different buckets; only the buckets holding both positives and negatives are gathered
  /// (in bucket order, without branches: the other cells all land on one spare slot), sorted
  /// and walked for the pairs inside them.
  static func rocAuc(_ x: Problem, table: UnsafeMutablePointer<UInt64>, cells a: UnsafeMutablePointer<UInt64>) -> Double {
    let n = x.count, k = x.keys, t = x.truths, lo = x.low, P = x.positives
    let (shift, buckets) = count(x, into: table)
    // Pairs across buckets; each mixed bucket's place among the gathered cells (entry: where
    // its next cell goes, and 1 in the high half; other buckets: the spare slot n, and 0), in
    // one vectorised pass.
    var crowded: UInt64 = 0, area2: UInt64 = 0
    let gathered = ck_roc_buckets(ck_active_isa(), table, buckets, UInt64(n), &crowded, &area2)
    area2 &*= 2
    var within = 0
    if gathered > 0 {
      let gathered = Int(gathered)
      for i in 0..<n {
        let above = k[i] &- lo, d = Int(above &>> shift), e = table[d]
        a[Int(truncatingIfNeeded: e & 0xFFFF_FFFF)] = UInt64(above) &<< 1 | UInt64(t[i])
        table[d] = e &+ (e &>> 32)
      }
      if crowded <= 32 {
        nearlySorted(a, gathered)
      } else {
        // Each gathered bucket's entry now holds where it ends.
        var start = 0
        for d in 0..<buckets where table[d] &>> 32 != 0 {
          let end = Int(truncatingIfNeeded: table[d] & 0xFFFF_FFFF)
          sortBucket(a, start, end)
          start = end
        }
      }
      // Pairs inside each gathered bucket: ascending, a tie's negatives before its positives.
      let bucketShift = UInt64(shift) + 1
      var seen = 0, below = 0, previous = UInt64.max, previousBucket = UInt64.max
      for i in 0..<gathered {
        let c = a[i], score = c >> 1, bucket = c >> bucketShift, positive = Int(c & 1)
        seen = bucket != previousBucket ? 0 : seen
        below = score != previous ? seen : below
        within &+= positive &* (seen &+ below)
        seen &+= 1 &- positive
        previous = score
        previousBucket = bucket
      }
    }
    return Double(Int(area2) &+ within) / (2 * Double(P) * Double(n - P))
  }

  /// Sorts a[start..<end]: insertion sort when short, else a comparison sort.
  static func sortBucket(_ a: UnsafeMutablePointer<UInt64>, _ start: Int, _ end: Int) {
    if end - start <= 32 {
      insertionSort(a, start, end)
    } else {
      var bucket = UnsafeMutableBufferPointer(start: a + start, count: end - start)
      bucket.sort()
    }
  }

  /// Sorts a[0..<n] whose cells come in buckets in order, at most 32 per bucket: insertion
  /// sort whose moves of fewer than four places are made without branches (whether a cell
  /// moves is a coin flip within a bucket), longer ones by a plain loop.
  static func nearlySorted(_ a: UnsafeMutablePointer<UInt64>, _ n: Int) {
    windowSorted(a, n, window: 4)
  }

  @inline(__always)
  static func windowSorted(_ a: UnsafeMutablePointer<UInt64>, _ n: Int, window: Int) {
    if n <= window {
      insertionSort(a, 0, n)
      return
    }
    insertionSort(a, 0, window)
    for i in window..<n {
      // Place i - j + 1 takes a[i - j] when that is above v, else v where a[i - j + 1] was
      // above v (or j is 1), else keeps its own.
      let v = a[i]
      var above = true, previous = v
      for j in 1...window {
        let x = a[i - j], c = x > v
        a[i - j + 1] = c ? x : (above ? v : previous)
        above = c
        previous = x
      }
      if above {
        var k = i - window
        while k > 0 && a[k - 1] > v {
          a[k] = a[k - 1]
          k -= 1
        }
        a[k] = v
      }
    }
  }

  /// Insertion sort of a[start..<end].
  @inline(__always)
  static func insertionSort(_ a: UnsafeMutablePointer<UInt64>, _ start: Int, _ end: Int) {
    var i = start + 1
    while i < end {
      let v = a[i]
      if v < a[i - 1] {
        var k = i
        repeat { a[k] = a[k - 1]; k -= 1 } while k > start && a[k - 1] > v
        a[k] = v
      }
      i += 1
    }
  }
}
