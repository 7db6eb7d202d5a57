import Tensors

import Dispatch

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

  /// Sorts ascending: LSD radix sort over only the bits that vary between keys (scores that
  /// came from float32 vary in about 33 bits: three passes), all histograms in one read.
  static func sort(_ keys: inout [UInt64]) {
    let n = keys.count
    if n < 512 { keys.sort(); return }
    var scratch = [UInt64](repeating: 0, count: n)
    var inScratch = false
    keys.withUnsafeMutableBufferPointer { a in
      let first = a[0]
      var varying: UInt64 = 0
      for k in a { varying |= k ^ first }
      if varying == 0 { return }
      let low = UInt64(varying.trailingZeroBitCount), high = UInt64(64 - varying.leadingZeroBitCount)
      let passes = Int((high - low + 10) / 11)
      let bits = (high - low + UInt64(passes) - 1) / UInt64(passes)
      let buckets = 1 << Int(bits), mask = UInt64(buckets - 1)
      var counts = [Int](repeating: 0, count: buckets * passes)
      counts.withUnsafeMutableBufferPointer { c in
        for k in a {
          var shift = low
          for p in 0..<passes {
            c[p * buckets + Int((k >> shift) & mask)] += 1
            shift += bits
          }
        }
        scratch.withUnsafeMutableBufferPointer { b in
          var src = a, dst = b
          var shift = low
          for p in 0..<passes {
            let base = p * buckets
            if c[base + Int((first >> shift) & mask)] != n {
              var total = 0
              for d in 0..<buckets { let t = c[base + d]; c[base + d] = total; total += t }
              for k in src {
                let d = base + Int((k >> shift) & mask)
                dst[c[d]] = k
                c[d] += 1
              }
              swap(&src, &dst)
              inScratch.toggle()
            }
            shift += bits
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

  /// ROC AUC and average precision in one walk.
  var rocAucAndAveragePrecision: (Double, Double) {
    let P = p, N = n
    var tps = 0, fps = 0, area2 = 0
    var sum = 0.0
    walk { _, tp, fp in
      area2 += fp * (2 * tps + tp)
      tps += tp
      fps += fp
      if tp > 0 { sum += Double(tp) / Double(P) * (Double(tps) / Double(tps + fps)) }
    }
    let auc = P > 0 && N > 0 ? Double(area2) / (2 * Double(P) * Double(N)) : .nan
    return (auc, P > 0 ? sum : 0)
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
  func rankedLabels(_ scores: Scores) -> [RankedBinary] { ranked(scores, labels: true, pooled: false).labels }

  /// Every cell pooled (scikit-learn's micro average ravels).
  func rankedPooled(_ scores: Scores) -> RankedBinary { ranked(scores, labels: false, pooled: true).pooled! }

  /// The per-label problems and/or the pooled one: one pass splits the keys into flat
  /// buffers, then every side is sorted as its own task (the largest first) on both cores.
  func ranked(_ scores: Scores, labels wantLabels: Bool, pooled wantPooled: Bool) -> (labels: [RankedBinary], pooled: RankedBinary?) {
    let L = labels, n = rows
    let support = self.support
    let positives = support.reduce(0, +), total = n * L
    // Sides: 0 pooled positives, 1 pooled negatives, then per label positives, negatives.
    var sizes: [Int] = wantPooled ? [positives, total - positives] : [0, 0]
    if wantLabels { for j in 0..<L { sizes += [support[j], n - support[j]] } }
    let buffers = sizes.map { UnsafeMutablePointer<UInt64>.allocate(capacity: max($0, 1)) }
    defer { buffers.forEach { $0.deallocate() } }
    var cursor = [Int](repeating: 0, count: sizes.count)
    values.withUnsafeBufferPointer { t in
      scores.values.withUnsafeBufferPointer { s in
        cursor.withUnsafeMutableBufferPointer { c in
          buffers.withUnsafeBufferPointer { b in
            for i in 0..<n {
              let base = i * L
              for j in 0..<L {
                let k = SortKeys.key(s[base + j])
                let side = t[base + j] != 0 ? 0 : 1
                if wantPooled { b[side][c[side]] = k; c[side] += 1 }
                if wantLabels { let q = 2 + 2 * j + side; b[q][c[q]] = k; c[q] += 1 }
              }
            }
          }
        }
      }
    }
    var sorted = [[UInt64]](repeating: [], count: sizes.count)
    let order = sizes.indices.sorted { sizes[$0] > sizes[$1] }
    sorted.withUnsafeMutableBufferPointer { out in
      let box = UnsafeSendable(out.baseAddress!)
      let work: (Int) -> Void = { task in
        let side = order[task]
        var a = Array(UnsafeBufferPointer(start: buffers[side], count: sizes[side]))
        SortKeys.sort(&a)
        box.pointer[side] = a
      }
      if Parallel.maxThreads <= 1 { for task in order.indices { work(task) } } else {
        DispatchQueue.concurrentPerform(iterations: order.count, execute: work)
      }
    }
    let labelProblems = wantLabels ? (0..<L).map { RankedBinary(sorted: sorted[2 + 2 * $0], sorted[3 + 2 * $0]) } : []
    return (labelProblems, wantPooled ? RankedBinary(sorted: sorted[0], sorted[1]) : nil)
  }
}

/// Applies `body` to every item on both cores; results land by index, so they do not
/// depend on the thread count.
func parallelMap<T>(_ items: [T], _ body: (T) -> (Double, Double)) -> [(Double, Double)] {
  var out = [(Double, Double)](repeating: (0, 0), count: items.count)
  out.withUnsafeMutableBufferPointer { o in
    let box = UnsafeSendable(o.baseAddress!)
    Parallel.forEach(items.count) { box.pointer[$0] = body(items[$0]) }
  }
  return out
}

struct UnsafeSendable<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}
