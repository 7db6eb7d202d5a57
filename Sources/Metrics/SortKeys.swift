import Tensors

/// Scores as unsigned keys whose order is the order of the scores, so a radix sort replaces
/// comparison sorts in the O(n log n) curve metrics. Equal scores give equal keys (-0 is 0).
enum SortKeys {
  static let signBit: UInt64 = 1 << 63

  @inline(__always) static func key(_ d: Double) -> UInt64 {
    let b = (d == 0 ? 0.0 : d).bitPattern
    return b & signBit != 0 ? ~b : b | signBit
  }

  @inline(__always) static func score(_ k: UInt64) -> Double {
    Double(bitPattern: k & signBit != 0 ? k & ~signBit : ~k)
  }

  /// Sorts ascending: LSD radix sort on 11-bit digits, skipping digits every key shares.
  static func sort(_ keys: inout [UInt64]) {
    let n = keys.count
    if n < 256 { keys.sort(); return }
    var scratch = [UInt64](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 2048)
    var inScratch = false
    keys.withUnsafeMutableBufferPointer { a in
      scratch.withUnsafeMutableBufferPointer { b in
        counts.withUnsafeMutableBufferPointer { c in
          var src = a, dst = b
          var shift: UInt64 = 0
          while shift < 64 {
            for d in 0..<2048 { c[d] = 0 }
            for k in src { c[Int((k >> shift) & 2047)] += 1 }
            let first = Int((src[0] >> shift) & 2047)
            if c[first] != n {
              var total = 0
              for d in 0..<2048 { let t = c[d]; c[d] = total; total += t }
              for k in src {
                let d = Int((k >> shift) & 2047)
                dst[c[d]] = k
                c[d] += 1
              }
              swap(&src, &dst)
              inScratch.toggle()
            }
            shift += 11
          }
        }
      }
    }
    if inScratch { keys = scratch }
  }
}

/// The positives' and negatives' keys of one binary problem, each sorted ascending; walking
/// them from the top gives scikit-learn's `_binary_clf_curve`: one step per distinct score.
struct RankedBinary {
  var positives: [UInt64]
  var negatives: [UInt64]

  init(positives: [UInt64], negatives: [UInt64]) {
    self.positives = positives
    self.negatives = negatives
    SortKeys.sort(&self.positives)
    SortKeys.sort(&self.negatives)
  }

  var p: Int { positives.count }
  var n: Int { negatives.count }

  /// Calls `step(key, tp, fp)` for each distinct score from the highest down, with the
  /// positives and negatives at that score.
  @inline(__always) func walk(_ step: (UInt64, Int, Int) -> Void) {
    positives.withUnsafeBufferPointer { pos in
      negatives.withUnsafeBufferPointer { neg in
        var i = pos.count - 1, k = neg.count - 1
        while i >= 0 || k >= 0 {
          let key = i < 0 ? neg[k] : k < 0 ? pos[i] : max(pos[i], neg[k])
          var tp = 0, fp = 0
          while i >= 0 && pos[i] == key { tp += 1; i -= 1 }
          while k >= 0 && neg[k] == key { fp += 1; k -= 1 }
          step(key, tp, fp)
        }
      }
    }
  }

  /// Area under the ROC curve, exact: the trapezoids summed in integers (twice the area
  /// times P·N), divided once. NaN when one class is absent, as scikit-learn 1.9.
  var rocAuc: Double {
    let P = p, N = n
    guard P > 0, N > 0 else { return .nan }
    var tps = 0
    var area2 = 0
    walk { _, tp, fp in
      area2 += fp * (2 * tps + tp)
      tps += tp
    }
    return Double(area2) / (2 * Double(P) * Double(N))
  }

  /// scikit-learn's step-wise average precision: Σ (R_k − R_{k−1}) P_k over distinct
  /// thresholds. 0 when there are no positives (scikit-learn sets recall to 1 then).
  var averagePrecision: Double {
    let P = p
    guard P > 0 else { return 0 }
    var tps = 0, fps = 0
    var sum = 0.0
    walk { _, tp, fp in
      tps += tp
      fps += fp
      if tp > 0 { sum += Double(tp) / Double(P) * (Double(tps) / Double(tps + fps)) }
    }
    return sum
  }
}

extension Truths {
  /// The ranked problem of every label, sorted on both cores.
  func rankedLabels(_ scores: Scores) -> [RankedBinary] {
    let L = labels
    let support = self.support
    var pos = (0..<L).map { j -> [UInt64] in var a = [UInt64](); a.reserveCapacity(support[j]); return a }
    var neg = (0..<L).map { j -> [UInt64] in var a = [UInt64](); a.reserveCapacity(rows - support[j]); return a }
    values.withUnsafeBufferPointer { t in
      scores.values.withUnsafeBufferPointer { s in
        for i in 0..<rows {
          let base = i * L
          for j in 0..<L {
            let k = SortKeys.key(s[base + j])
            if t[base + j] != 0 { pos[j].append(k) } else { neg[j].append(k) }
          }
        }
      }
    }
    return sortAll(zip(pos, neg).map { ($0, $1) })
  }

  /// Every cell pooled (scikit-learn's micro average ravels).
  func rankedPooled(_ scores: Scores) -> RankedBinary {
    var pos = [UInt64](), neg = [UInt64]()
    for k in 0..<values.count {
      let key = SortKeys.key(scores.values[k])
      if values[k] != 0 { pos.append(key) } else { neg.append(key) }
    }
    return RankedBinary(positives: pos, negatives: neg)
  }
}

/// Sorts several problems at once, one per task, on both cores.
func sortAll(_ problems: [([UInt64], [UInt64])]) -> [RankedBinary] {
  let out = UnsafeMutablePointer<RankedBinary?>.allocate(capacity: problems.count)
  out.initialize(repeating: nil, count: problems.count)
  defer { out.deinitialize(count: problems.count); out.deallocate() }
  let box = UnsafeSendable(out)
  Parallel.forEach(problems.count) { j in
    box.pointer[j] = RankedBinary(positives: problems[j].0, negatives: problems[j].1)
  }
  return (0..<problems.count).map { out[$0]! }
}

struct UnsafeSendable<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}
