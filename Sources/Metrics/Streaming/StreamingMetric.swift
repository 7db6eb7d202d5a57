/// A metric computed over a whole epoch from batches: `update` per batch, `result` at the
/// end, `reset` before the next epoch. Results are exactly the whole-array metric over the
/// rows seen (never an average of per-batch values).
public protocol StreamingMetric: AnyObject {
  var name: String { get }
  /// One batch: rows x labels truths (0/1) and scores, row-major float32.
  func update(truth: UnsafePointer<Float>, scores: UnsafePointer<Float>, rows: Int, labels: Int)
  /// The metric over everything since the last reset (NaN where scikit-learn gives NaN).
  func result() throws -> Double
  func reset()
  /// Whether larger is better (for EarlyStopping's default mode).
  var higherIsBetter: Bool { get }
}
