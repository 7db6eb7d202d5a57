import Tensors

/// Iterative stratification (Sechidis, Tsoumakas & Vlahavas, "On the Stratification of
/// Multi-Label Data", ECML PKDD 2011), first order: folds get desired sizes; each label's
/// positives are shared out in proportion. Repeatedly take the label with the fewest
/// examples still to place, and give each of its examples to the fold that most wants that
/// label (ties: the fold wanting the most examples, then at random); examples without labels
/// go to the folds wanting the most examples. A repair pass then moves single examples while
/// that brings fold sizes and label counts closer to their targets.
public enum IterativeStratification {
  /// A fold number for each example, for folds with the given proportions (summing to 1).
  /// `labels` is n x L with 0/1 entries.
  public static func assign(labels: Tensor, proportions: [Double], stream: inout RandomStream) throws -> [Int] {
    guard labels.rank == 2 else { throw DataError("labels must be a matrix, got \(describeShape(labels.shape))") }
    let n = labels.rows, L = labels.shape[1], k = proportions.count
    guard k >= 2, proportions.allSatisfy({ $0 >= 0 }) else { throw DataError("need at least two folds with non-negative proportions") }
    // The examples in a random order, so ties between examples are broken at random.
    var order = Array(0..<n)
    stream.shuffle(&order)
    // Positives of each label (in that order), and each example's labels.
    var exampleLabels: [[Int32]] = Array(repeating: [], count: n)
    var byLabel: [[Int32]] = Array(repeating: [], count: L)
    labels.withUnsafeBufferPointer { y in
      for e in order {
        for l in 0..<L where y[e * L + l] != 0 {
          exampleLabels[e].append(Int32(l))
          byLabel[l].append(Int32(e))
        }
      }
    }
    var remaining = byLabel.map(\.count)
    var wantExamples = proportions.map { $0 * Double(n) }
    var wantLabel = [Double](repeating: 0, count: k * L)  // [fold * L + label]
    for l in 0..<L { for j in 0..<k { wantLabel[j * L + l] = proportions[j] * Double(remaining[l]) } }
    var fold = [Int](repeating: -1, count: n)
    var active = Set((0..<L).filter { remaining[$0] > 0 })

    func place(_ e: Int, _ j: Int) {
      fold[e] = j
      wantExamples[j] -= 1
      for l in exampleLabels[e] {
        let li = Int(l)
        wantLabel[j * L + li] -= 1
        remaining[li] -= 1
        if remaining[li] == 0 { active.remove(li) }
      }
    }

    var candidates: [Int] = []
    func choose(_ score: (Int) -> Double, _ secondary: ((Int) -> Double)?) -> Int {
      candidates.removeAll(keepingCapacity: true)
      var best = -Double.infinity
      for j in 0..<k {
        let s = score(j)
        if s > best { best = s; candidates = [j] } else if s == best { candidates.append(j) }
      }
      if candidates.count > 1, let secondary {
        var b2 = -Double.infinity
        var c2: [Int] = []
        for j in candidates {
          let s = secondary(j)
          if s > b2 { b2 = s; c2 = [j] } else if s == b2 { c2.append(j) }
        }
        candidates = c2
      }
      return candidates.count == 1 ? candidates[0] : candidates[stream.integer(below: candidates.count)]
    }

    while !active.isEmpty {
      // The label with the fewest examples left (ties: at random among them).
      var fewest = Int.max
      var ties: [Int] = []
      for l in active.sorted() {
        if remaining[l] < fewest { fewest = remaining[l]; ties = [l] } else if remaining[l] == fewest { ties.append(l) }
      }
      let l = ties.count == 1 ? ties[0] : ties[stream.integer(below: ties.count)]
      for e32 in byLabel[l] {
        let e = Int(e32)
        guard fold[e] < 0 else { continue }
        let j = choose({ wantLabel[$0 * L + l] }, { wantExamples[$0] })
        place(e, j)
      }
    }
    // Examples without labels.
    for e in order where fold[e] < 0 {
      place(e, choose({ wantExamples[$0] }, nil))
    }
    repair(&fold, exampleLabels: exampleLabels, order: order, proportions: proportions, labelCount: L, positives: byLabel.map(\.count))
    return fold
  }

  /// The greedy pass leaves fold sizes (and the labels it handled last) a few examples off
  /// their targets. Move single examples while that lowers the sum of squared
  /// deviations of fold sizes and per-label counts from their targets.
  static func repair(_ fold: inout [Int], exampleLabels: [[Int32]], order: [Int], proportions: [Double],
                     labelCount L: Int, positives: [Int]) {
    let n = fold.count, k = proportions.count
    var dSize = proportions.map { -$0 * Double(n) }
    var dLabel = [Double](repeating: 0, count: k * L)
    for j in 0..<k { for l in 0..<L { dLabel[j * L + l] = -proportions[j] * Double(positives[l]) } }
    for e in 0..<n {
      dSize[fold[e]] += 1
      for l in exampleLabels[e] { dLabel[fold[e] * L + Int(l)] += 1 }
    }
    // First-improvement passes in the shuffled order, until a pass moves nothing.
    for _ in 0..<50 {
      var moved = false
      for e in order {
        let a = fold[e]
        var best = -1e-9, target = -1
        for b in 0..<k where b != a {
          var delta = 2 * (dSize[b] - dSize[a]) + 2
          for l in exampleLabels[e] { delta += 2 * (dLabel[b * L + Int(l)] - dLabel[a * L + Int(l)]) + 2 }
          if delta < best { best = delta; target = b }
        }
        guard target >= 0 else { continue }
        fold[e] = target
        dSize[a] -= 1; dSize[target] += 1
        for l in exampleLabels[e] { dLabel[a * L + Int(l)] -= 1; dLabel[target * L + Int(l)] += 1 }
        moved = true
      }
      if !moved { break }
    }
    // Single moves cannot fix a label whose count is off in opposite directions in two folds
    // when every move would disturb others; swap an example of that label for one with the
    // same other labels.
    var bySet: [[Int32]: [Int]] = [:]
    for e in order { bySet[exampleLabels[e], default: []].append(e) }
    for l in 0..<L {
      for _ in 0..<positives[l] {
        var a = 0, b = 0
        for j in 0..<k {
          if dLabel[j * L + l] > dLabel[a * L + l] { a = j }
          if dLabel[j * L + l] < dLabel[b * L + l] { b = j }
        }
        guard dLabel[a * L + l] - dLabel[b * L + l] > 1 + 1e-9 else { break }
        var swapped = false
        for e in order where fold[e] == a && exampleLabels[e].contains(Int32(l)) {
          let rest = exampleLabels[e].filter { $0 != Int32(l) }
          guard let f = bySet[rest]?.first(where: { fold[$0] == b }) else { continue }
          fold[e] = b; fold[f] = a
          dLabel[a * L + l] -= 1; dLabel[b * L + l] += 1
          swapped = true
          break
        }
        if !swapped { break }
      }
    }
  }
}
