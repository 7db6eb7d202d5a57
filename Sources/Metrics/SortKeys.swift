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

  /// Sorts ascending in place: LSD radix sort over only the bits that vary between keys
  /// (scores that came from float32 vary in about 33 bits: three passes), all histograms
  /// in one read.
  static func sort(_ buffer: KeyBuffer) {
    let n = buffer.count
    if n < 512 {
      var small = UnsafeMutableBufferPointer(start: buffer.pointer, count: n)
      small.sort()
      return
    }
    let a = UnsafeMutableBufferPointer(start: buffer.pointer, count: n)
    let first = a[0]
    var varying: UInt64 = 0
    for k in a { varying |= k ^ first }
    if varying == 0 { return }
    let low = UInt64(varying.trailingZeroBitCount), high = UInt64(64 - varying.leadingZeroBitCount)
    let passes = Int((high - low + 10) / 11)
    let bits = (high - low + UInt64(passes) - 1) / UInt64(passes)
    let buckets = 1 << Int(bits), mask = UInt64(buckets - 1)
    let c = UnsafeMutablePointer<Int>.allocate(capacity: buckets * passes)
    c.initialize(repeating: 0, count: buckets * passes)
    defer { c.deallocate() }
    for k in a {
      var shift = low
      for p in 0..<passes {
        c[p * buckets + Int((k >> shift) & mask)] += 1
        shift += bits
      }
    }
    var src = a
    var dst = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
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
      }
      shift += bits
    }
    // The sorted keys are in `src`; the buffer keeps them, the other one goes.
    buffer.pointer = src.baseAddress!  // cannot fail: buffers from arrays or temporary allocations have addresses
    dst.deallocate()
  }
}

/// Keys in memory the sort may swap for its scratch buffer.
final class KeyBuffer {
  var pointer: UnsafeMutablePointer<UInt64>
  let count: Int
  init(count: Int) {
    self.count = count
    pointer = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
  }
  convenience init(_ keys: [UInt64]) {
    self.init(count: keys.count)
    keys.withUnsafeBufferPointer { if let b = $0.baseAddress { pointer.update(from: b, count: keys.count) } }
  }
  deinit { pointer.deallocate() }
  var buffer: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: pointer, count: count) }
}

/// The positives' and negatives' keys of one binary problem, each sorted ascending; walking
/// them from the top gives scikit-learn's `_binary_clf_curve`: one step per distinct score.
struct RankedBinary {
  let positives: KeyBuffer
  let negatives: KeyBuffer

  /// Sorts unsorted keys.
  init(positives: [UInt64], negatives: [UInt64]) {
    self.positives = KeyBuffer(positives)
    self.negatives = KeyBuffer(negatives)
    SortKeys.sort(self.positives)
    SortKeys.sort(self.negatives)
  }

  /// Keys already sorted.
  init(sorted positives: KeyBuffer, _ negatives: KeyBuffer) {
    self.positives = positives
    self.negatives = negatives
  }

  var p: Int { positives.count }
  var n: Int { negatives.count }

  @inline(__always) func walk(_ step: (UInt64, Int, Int) -> Void) {
    RankedBinary.walk(positives.buffer, negatives.buffer, step)
  }

  /// Calls `step(key, tp, fp)` for each distinct score from the highest down, with the
  /// positives and negatives at that score (both sides sorted ascending).
  @inline(__always)
  static func walk(_ pos: UnsafeBufferPointer<UInt64>, _ neg: UnsafeBufferPointer<UInt64>, _ step: (UInt64, Int, Int) -> Void) {
    var i = pos.count - 1, k = neg.count - 1
    while i >= 0 || k >= 0 {
      let key = i < 0 ? neg[k] : k < 0 ? pos[i] : max(pos[i], neg[k])
      var tp = 0, fp = 0
      while i >= 0 && pos[i] == key { tp += 1; i -= 1 }
      while k >= 0 && neg[k] == key { fp += 1; k -= 1 }
      step(key, tp, fp)
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
      if tp > 0 { sum += Double(tp &* tps) / Double(P &* (tps &+ fps)) }  // recall gained × precision, one rounding
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
      if tp > 0 { sum += Double(tp &* tps) / Double(P &* (tps &+ fps)) }  // recall gained × precision, one rounding
    }
    return sum
  }
}

extension Truths {
  /// The ranked problem of every label, sorted on both cores.
  func rankedLabels(_ scores: Scores) -> [RankedBinary] { ranked(scores, labels: true, pooled: false).labels }

  /// Every cell pooled (scikit-learn's micro average ravels).
  func rankedPooled(_ scores: Scores) -> RankedBinary { ranked(scores, labels: false, pooled: true).pooled! }  // cannot fail: asked for with pooled: true

  /// The per-label problems and/or the pooled one: one pass splits the keys into flat
  /// buffers, then every side is sorted as its own task (the largest first) on both cores.
  func ranked(_ scores: Scores, labels wantLabels: Bool, pooled wantPooled: Bool) -> (labels: [RankedBinary], pooled: RankedBinary?) {
    let L = labels, n = rows
    // The split runs on both cores over ranges of rows (reading the matrix in order); each
    // range writes to its own stretch of every side, found from its per-label positives.
    let chunks = max(1, min(n / 1024, 16))
    let rowStart = (0...chunks).map { n * $0 / chunks }
    var counts = [Int](repeating: 0, count: chunks * L)
    values.withUnsafeBufferPointer { t in
      counts.withUnsafeMutableBufferPointer { cnt in
        let box = UnsafeSendable(cnt.baseAddress!)  // cannot fail: buffers from arrays or temporary allocations have addresses
        Parallel.forEach(chunks) { c in
          let out = box.pointer + c * L
          for i in rowStart[c]..<rowStart[c + 1] {
            for j in 0..<L { out[j] += Int(t[i * L + j]) }
          }
        }
      }
    }
    var support = [Int](repeating: 0, count: L)
    for c in 0..<chunks { for j in 0..<L { support[j] += counts[c * L + j] } }
    let positives = support.reduce(0, +), total = n * L
    // Sides: 0 pooled positives, 1 pooled negatives, then per label positives, negatives.
    var sizes: [Int] = wantPooled ? [positives, total - positives] : [0, 0]
    for j in 0..<L { sizes += wantLabels ? [support[j], n - support[j]] : [0, 0] }
    let buffers = sizes.map { KeyBuffer(count: $0) }
    let pointers = buffers.map(\.pointer)
    // Where each chunk starts writing each side.
    var starts = [Int](repeating: 0, count: chunks * sizes.count)
    var running = [Int](repeating: 0, count: sizes.count)
    for c in 0..<chunks {
      let rowsInChunk = rowStart[c + 1] - rowStart[c]
      var chunkPositives = 0
      for j in 0..<L {
        let pos = counts[c * L + j]
        chunkPositives += pos
        if wantLabels {
          starts[c * sizes.count + 2 + 2 * j] = running[2 + 2 * j]
          starts[c * sizes.count + 3 + 2 * j] = running[3 + 2 * j]
          running[2 + 2 * j] += pos
          running[3 + 2 * j] += rowsInChunk - pos
        }
      }
      starts[c * sizes.count] = running[0]
      starts[c * sizes.count + 1] = running[1]
      running[0] += chunkPositives
      running[1] += rowsInChunk * L - chunkPositives
    }
    values.withUnsafeBufferPointer { t in
      scores.values.withUnsafeBufferPointer { s in
        Parallel.forEach(chunks) { c in
          var cursor = Array(starts[(c * sizes.count)..<((c + 1) * sizes.count)])
          cursor.withUnsafeMutableBufferPointer { cur in
            pointers.withUnsafeBufferPointer { ptr in
              for i in rowStart[c]..<rowStart[c + 1] {
                let base = i * L
                for j in 0..<L {
                  let k = SortKeys.key(s[base + j])
                  let side = t[base + j] != 0 ? 0 : 1
                  if wantPooled { ptr[side][cur[side]] = k; cur[side] += 1 }
                  if wantLabels {
                    let q = 2 + 2 * j + side
                    ptr[q][cur[q]] = k
                    cur[q] += 1
                  }
                }
              }
            }
          }
        }
      }
    }
    // Largest first, so the two cores finish together.
    let order = sizes.indices.filter { sizes[$0] > 0 }.sorted { sizes[$0] > sizes[$1] }
    let work: (Int) -> Void = { task in SortKeys.sort(buffers[order[task]]) }
    if Parallel.maxThreads <= 1 { for task in order.indices { work(task) } } else {
      // One task per side, claimed dynamically (largest first), as many at once as there are.
      Parallel.forEach(order.count, threads: order.count, work)
    }
    let labelProblems = wantLabels ? (0..<L).map { RankedBinary(sorted: buffers[2 + 2 * $0], buffers[3 + 2 * $0]) } : []
    return (labelProblems, wantPooled ? RankedBinary(sorted: buffers[0], buffers[1]) : nil)
  }
}

/// Applies `body` to every item on both cores; results land by index, so they do not
/// depend on the thread count.
func parallelMap<T>(_ items: [T], _ body: (T) -> (Double, Double)) -> [(Double, Double)] {
  var out = [(Double, Double)](repeating: (0, 0), count: items.count)
  out.withUnsafeMutableBufferPointer { o in
    let box = UnsafeSendable(o.baseAddress!)  // cannot fail: buffers from arrays or temporary allocations have addresses
    Parallel.forEach(items.count) { box.pointer[$0] = body(items[$0]) }
  }
  return out
}

/// A raw pointer handed to the threads of one `Parallel.forEach`: `@unchecked Sendable` because
/// pointers never are; safe as each call writes only its own index and the fork-join ends
/// before the buffer does.
struct UnsafeSendable<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
  init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}
