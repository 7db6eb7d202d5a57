import CrescentMetrics
import Testing

/// The whole-array value of the training metric `name` (the one `compile` accepts), computed
/// by the non-streaming code: the value each streaming metric must equal bit for bit.
public func wholeArrayMetric(_ name: String, _ y: Truths, _ s: Scores) throws -> Double {
  let p = s.thresholded(Array(repeating: 0.5, count: s.labels))
  let counts = ConfusionCounts(y, p)
  switch name {
  case "hamming_loss": return counts.hammingLoss
  case "subset_accuracy": return counts.subsetAccuracy
  case "binary_accuracy": return counts.binaryAccuracy
  case "binary_crossentropy": return try BinaryCrossentropy.compute(y, s)
  default: break
  }
  if let r = RankingMetric(rawValue: name) { return try r.compute(y, s) }
  let parts = name.split(separator: "_")
  guard let last = parts.last, let average = Average(rawValue: String(last)) else {
    throw MetricCheckFailure("no whole-array twin for metric '\(name)'")
  }
  let family = parts.dropLast().joined(separator: "_")
  let value: MetricValue
  switch family {
  case "roc_auc": value = try RocAuc.compute(y, s, average: average)
  case "average_precision": value = try AveragePrecision.compute(y, s, average: average)
  default:
    guard let m = ThresholdMetric(rawValue: family) else { throw MetricCheckFailure("no whole-array twin for metric '\(name)'") }
    value = try m.compute(y, p, average: average)
  }
  guard let scalar = value.scalar else { throw MetricCheckFailure("metric '\(name)' gave per-label values") }
  return scalar
}

/// A metric check that could not run (not a failed comparison).
public struct MetricCheckFailure: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// Feeds truths `t` and scores `s` (rows x labels, row-major) to `metrics` together, in
/// batches of the sizes `batches` cycles through, for `epochs` epochs, and expects each result
/// to equal the whole-array value bit for bit, and (when given) `expected[name]`, the
/// scikit-learn value, within `tolerance` relative.
public func checkMetric(_ metrics: [StreamingMetric], truths t: [Float], scores s: [Float], rows: Int, labels: Int,
                        batches: [Int], epochs: Int = 2, expected: [String: Double] = [:], tolerance: Double = 1e-9,
                        context: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
  let y = try Truths(checking: Scores(rows: rows, labels: labels, values: t.map(Double.init)), name: "y")
  let scores = Scores(rows: rows, labels: labels, values: s.map(Double.init))
  precondition(batches.contains { $0 > 0 }, "checkMetric needs a positive batch size")
  for epoch in 0..<epochs {
    for m in metrics { m.reset() }
    var start = 0, k = 0
    while start < rows {
      let b = min(batches[k % batches.count], rows - start)
      k += 1
      t.withUnsafeBufferPointer { tp in
        s.withUnsafeBufferPointer { sp in
          StreamingMetrics.update(metrics, truth: tp.baseAddress! + start * labels,
                                  scores: sp.baseAddress! + start * labels, rows: b, labels: labels)
        }
      }
      start += b
    }
    for m in metrics {
      let streamed = try m.result(), whole = try wholeArrayMetric(m.name, y, scores)
      #expect(streamed.bitPattern == whole.bitPattern || (streamed.isNaN && whole.isNaN),
              "\(context)\(m.name) epoch \(epoch): streamed \(streamed), whole array \(whole)", sourceLocation: sourceLocation)
      if let want = expected[m.name] {
        let ok = want.isNaN ? whole.isNaN : abs(whole - want) <= tolerance * max(1, abs(want))
        #expect(ok, "\(context)\(m.name): \(whole), scikit-learn \(want)", sourceLocation: sourceLocation)
      }
    }
  }
}

/// The same check for one metric made by name.
public func checkMetric(_ name: String, truths t: [Float], scores s: [Float], rows: Int, labels: Int, batches: [Int],
                        epochs: Int = 2, expected: Double? = nil, tolerance: Double = 1e-9, context: String = "",
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
  try checkMetric([try TrainingMetrics.make(name)], truths: t, scores: s, rows: rows, labels: labels, batches: batches,
                  epochs: epochs, expected: expected.map { [name: $0] } ?? [:], tolerance: tolerance, context: context,
                  sourceLocation: sourceLocation)
}
