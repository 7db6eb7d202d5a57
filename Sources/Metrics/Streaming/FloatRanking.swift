import Tensors

/// ROC AUC and average precision (per label or pooled) over kept float32 scores, ranked as
/// float32. Converting to float64 keeps the order and the ties of float32 values, so the
/// steps of the curve, and every count summed along it, are those of the whole-array metric
/// on the same scores in float64: the results are the same Doubles. The buffers are kept
/// from one call to the next.
struct FloatRanking {
  enum Metric {
    /// Per-label values combined as `average` (macro, weighted), or every cell pooled (micro).
    case rocAuc(Average), averagePrecision(Average)
  }

  /// Each cell as one key: the score's order-preserving bits, then the truth bit.
  private var keys = [UInt64](), scratch = [UInt64](), counts = [Int]()

  /// The sort's bucket counts (per thread).
  static let countsPerWorker = (1 << 14) + 1

  /// Ascending unsigned order of the float's order (-0 is 0; NaN is never passed).
  @inline(__always) static func key(_ f: Float) -> UInt32 {
    let b = (f == 0 ? 0 : f).bitPattern
    return b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000
  }

  mutating func value(_ metric: Metric, truths: UnsafeBufferPointer<UInt8>, scores: UnsafeBufferPointer<Float>,
                      rows n: Int, labels L: Int) -> Double {
    let total = n * L
    let (isRoc, average): (Bool, Average)
    switch metric {
    case .rocAuc(let a): (isRoc, average) = (true, a)
    case .averagePrecision(let a): (isRoc, average) = (false, a)
    }
    // Per label, the labels in two halves on both cores; each core sorts one label at a time.
    let workers = average != .micro && total >= 1 << 17 && L >= 2 ? 2 : 1
    let size = average == .micro ? total : n
    if keys.count < workers * size {
      keys = [UInt64](repeating: 0, count: workers * size)
      scratch = keys
    }
    if counts.count < workers * FloatRanking.countsPerWorker {
      counts = [Int](repeating: 0, count: workers * FloatRanking.countsPerWorker)
    }
    let t = truths.baseAddress!, s = scores.baseAddress!
    return keys.withUnsafeMutableBufferPointer { kb in
      scratch.withUnsafeMutableBufferPointer { sb in
        counts.withUnsafeMutableBufferPointer { cb in
          let k = kb.baseAddress!, tmp = sb.baseAddress!, c = cb.baseAddress!
          if average == .micro {
            var positives = 0
            for q in 0..<total {
              positives += Int(t[q])
              k[q] = UInt64(FloatRanking.key(s[q])) << 1 | UInt64(t[q])
            }
            return FloatRanking.binary(isRoc, k, tmp, c, count: total, positives: positives)
          }
          var support = [Int](repeating: 0, count: L), per = [Double](repeating: 0, count: L)
          support.withUnsafeMutableBufferPointer { sup in
            per.withUnsafeMutableBufferPointer { out in
              let supBox = UnsafeSendable(sup.baseAddress!), outBox = UnsafeSendable(out.baseAddress!)
              Parallel.forEach(workers) { w in
                let sup = supBox.pointer, out = outBox.pointer
                let k = k + w * n, tmp = tmp + w * n, c = c + w * FloatRanking.countsPerWorker
                for j in (L * w / workers)..<(L * (w + 1) / workers) {
                  var positives = 0
                  for i in 0..<n {
                    let q = i * L + j
                    positives += Int(t[q])
                    k[i] = UInt64(FloatRanking.key(s[q])) << 1 | UInt64(t[q])
                  }
                  sup[j] = positives
                  out[j] = FloatRanking.binary(isRoc, k, tmp, c, count: n, positives: positives)
                }
              }
            }
          }
          return combine(per, support: support, average: average)
        }
      }
    }
  }

  /// ROC AUC or average precision of one binary problem given as unsorted keys.
  static func binary(_ isRoc: Bool, _ keys: UnsafeMutablePointer<UInt64>, _ tmp: UnsafeMutablePointer<UInt64>,
                     _ counts: UnsafeMutablePointer<Int>, count n: Int, positives P: Int) -> Double {
    let N = n - P
    if isRoc && (P == 0 || N == 0) { return .nan }
    if !isRoc && P == 0 { return 0 }
    let a = sort(keys, tmp, counts, count: n)
    // From the highest score down, one step per distinct score (as RankedBinary.walk).
    var i = n - 1
    var tps = 0, fps = 0, area2 = 0, sum = 0.0
    while i >= 0 {
      let score = a[i] >> 1
      var tp = 0, fp = 0
      while i >= 0 && a[i] >> 1 == score {
        let b = Int(a[i] & 1)
        tp += b; fp += 1 - b
        i -= 1
      }
      if isRoc {
        area2 += fp * (2 * tps + tp)
        tps += tp
      } else {
        tps += tp
        fps += fp
        if tp > 0 { sum += Double(tp) / Double(P) * (Double(tps) / Double(tps + fps)) }
      }
    }
    return isRoc ? Double(area2) / (2 * Double(P) * Double(N)) : sum
  }

  /// Sorts `n` keys ascending; returns whichever of `keys` and `tmp` holds the result.
  /// One pass spreads the keys over about n buckets by their leading bits (above the
  /// smallest key), so buckets hold a few keys each, then insertion sort finishes (or, where
  /// a bucket is crowded, a comparison sort of that bucket). `counts` holds 2^14 + 1 Ints.
  static func sort(_ keys: UnsafeMutablePointer<UInt64>, _ tmp: UnsafeMutablePointer<UInt64>,
                   _ counts: UnsafeMutablePointer<Int>, count n: Int) -> UnsafeMutablePointer<UInt64> {
    if n < 64 {
      var small = UnsafeMutableBufferPointer(start: keys, count: n)
      small.sort()
      return keys
    }
    var lo = keys[0], hi = keys[0]
    for q in 1..<n { lo = min(lo, keys[q]); hi = max(hi, keys[q]) }
    if lo == hi { return keys }
    let rangeBits = UInt64.bitWidth - (hi - lo).leadingZeroBitCount
    let bits = min(rangeBits, 14, Int.bitWidth - n.leadingZeroBitCount)
    let shift = UInt64(rangeBits - bits), buckets = 1 << bits
    counts.update(repeating: 0, count: buckets + 1)
    let c = counts + 1
    for q in 0..<n { c[Int((keys[q] &- lo) >> shift)] &+= 1 }
    // c[d] becomes where bucket d starts (c[-1] stays 0); the scatter moves it to its end.
    var running = 0, crowded = 0
    for d in 0..<buckets { let x = c[d]; c[d] = running; running &+= x; crowded = max(crowded, x) }
    for q in 0..<n {
      let v = keys[q], d = Int((v &- lo) >> shift)
      tmp[c[d]] = v
      c[d] &+= 1
    }
    if crowded <= 32 {
      insertionSort(tmp, 0, n)
    } else {
      for d in 0..<buckets {
        let start = counts[d], end = c[d]
        if end - start <= 32 {
          insertionSort(tmp, start, end)
        } else {
          var bucket = UnsafeMutableBufferPointer(start: tmp + start, count: end - start)
          bucket.sort()
        }
      }
    }
    return tmp
  }

  /// Insertion sort of a[start..<end]: linear when the keys are nearly in order.
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
