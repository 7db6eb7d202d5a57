import CKernels

/// One batch as the streams use it: checked once (0/1 truths, no NaN score) and converted
/// once to 0/1 bytes, however many metrics it feeds.
struct StreamingBatch {
  let truth: UnsafePointer<Float>
  let scores: UnsafePointer<Float>
  let rows: Int
  let labels: Int
  /// The truths as 0/1 bytes.
  let truth8: UnsafePointer<UInt8>
  /// Whether every score is within [0, 1].
  let withinUnit: Bool
  /// Room for the predictions as 0/1 bytes (`predicted8`).
  private let p8: UnsafeMutablePointer<UInt8>
  /// 4·labels counts (`ConfusionCounts.countCells`), then two flags: whether the counts and
  /// the predictions are made (each once, on first use).
  private let cells: UnsafeMutablePointer<Int>

  var count: Int { rows * labels }

  /// The predictions `score >= TrainingMetrics.threshold` as 0/1 bytes, made for the first
  /// metric that asks (ranking metrics never do).
  func predicted8() -> UnsafePointer<UInt8> {
    if cells[4 * labels + 1] == 0 {
      let threshold = Float(TrainingMetrics.threshold)
      for k in 0..<count { p8[k] = scores[k] >= threshold ? 1 : 0 }
      cells[4 * labels + 1] = 1
    }
    return UnsafePointer(p8)
  }

  /// The batch's per-label cell counts, shared by every threshold metric it feeds.
  func cellCounts() -> UnsafePointer<Int> {
    if cells[4 * labels] == 0 {
      ConfusionCounts.countCells(truth: truth8, predicted: predicted8(), rows: rows, labels: labels, into: cells)
      cells[4 * labels] = 1
    }
    return UnsafePointer(cells)
  }

  /// Converts `count` truths into `t8`; `valid` is false when some truth is not 0 or 1 or
  /// some score is NaN (the caller then finds and reports the first problem).
  static func convert(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, count: Int,
                      t8: UnsafeMutablePointer<UInt8>) -> (valid: Bool, withinUnit: Bool) {
    let flags = ck_truth_bytes(ck_active_isa(), truth, scores, t8, count)
    return (flags & 1 == 0, flags & 2 == 0)
  }

  /// Runs `body` with the batch converted in temporary memory (on the stack when small),
  /// or with nil when the batch has a bad value.
  static func with(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows: Int, labels: Int,
                   _ body: (StreamingBatch?) -> Void) {
    let m = rows * labels
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * labels + 2) { cells in
      cells[4 * labels] = 0
      cells[4 * labels + 1] = 0
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(2 * m, 1)) { buffer in
        let t8 = buffer.baseAddress!, p8 = t8 + m  // cannot fail: buffers from arrays or temporary allocations have addresses
        let converted = convert(truth: truth, scores: scores, count: m, t8: t8)
        if converted.valid {
          body(StreamingBatch(truth: truth, scores: scores, rows: rows, labels: labels, truth8: t8,
                              withinUnit: converted.withinUnit, p8: p8, cells: cells.baseAddress!))  // cannot fail: buffers from arrays or temporary allocations have addresses
        } else {
          body(nil)
        }
      }
    }
  }
}

/// Feeding several metrics at once.
public enum StreamingMetrics {
  /// Feeds one batch to every metric, as `m.update` on each would, but checks and converts
  /// the batch once for all of them.
  public static func update(_ metrics: [StreamingMetric], truth: UnsafePointer<Float>, scores: UnsafePointer<Float>,
                            rows: Int, labels: Int) {
    if metrics.count == 1 {
      metrics[0].update(truth: truth, scores: scores, rows: rows, labels: labels)
      return
    }
    StreamingBatch.with(truth: truth, scores: scores, rows: rows, labels: labels) { batch in
      for m in metrics {
        if let batch, let base = m as? StreamingBase, base.takes(batch) {
          base.add(batch)
        } else {
          m.update(truth: truth, scores: scores, rows: rows, labels: labels)
        }
      }
    }
  }
}
