import CKernels

/// Kept cells for ranking, row by row as they arrive: each score as an order key
/// (`ScoreKey.unit` while every score is within [0, 1], `ScoreKey.general` from the first that
/// is not) and its truth as a 0/1 byte. Label j of row i is at `i * labels + j`; the ranking
/// reads a label's cells with that stride. Buffers are kept from one epoch to the next.
struct KeptKeys {
  private(set) var keys = [UInt32](), truths = [UInt8]()
  /// Whether the keys are `ScoreKey.unit` keys (every score so far within [0, 1]).
  private(set) var unitKeys = true
  private(set) var rows = 0, labels = 0

  /// Appends a checked batch (row-major truths and scores, no NaN). `withinUnit`: whether
  /// every score of the batch is within [0, 1].
  mutating func append(truth8: UnsafePointer<UInt8>, scores: UnsafePointer<Float>, rows n: Int, labels L: Int,
                       withinUnit: Bool) {
    if rows == 0 {
      labels = L
      unitKeys = true
    }
    precondition(L == labels, "a batch with another label count")  // cannot fail: StreamingBase refuses such a batch first
    if unitKeys && !withinUnit { useGeneralKeys() }
    let start = rows * L, count = n * L
    if keys.count < start + count {
      let room = max(2 * keys.count, start + count)
      keys.append(contentsOf: repeatElement(0, count: room - keys.count))
      truths.append(contentsOf: repeatElement(0, count: room - truths.count))
    }
    keys.withUnsafeMutableBufferPointer { kb in
      let k = kb.baseAddress! + start  // cannot fail: buffers from arrays or temporary allocations have addresses
      if unitKeys {
        ck_unit_keys(ck_active_isa(), scores, k, count)  // ScoreKey.unit, vectorised
      } else {
        for q in 0..<count { k[q] = ScoreKey.general(scores[q]) }
      }
    }
    truths.withUnsafeMutableBufferPointer { tb in
      (tb.baseAddress! + start).update(from: truth8, count: count)  // cannot fail: buffers from arrays or temporary allocations have addresses
    }
    rows += n
  }

  /// Forgets the rows, keeping the buffers.
  mutating func removeAll() { rows = 0 }

  /// Turns the kept keys into `general` keys (order and ties stay the same).
  private mutating func useGeneralKeys() {
    unitKeys = false
    for q in 0..<(rows * labels) { keys[q] = ScoreKey.general(unit: keys[q]) }
  }
}
