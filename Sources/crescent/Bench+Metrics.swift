import ArgumentParser
import Foundation
import CrescentMetrics
import Tensors

struct MetricsBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Time the exact metrics; one line per measurement, ending seconds=<number>.",
    discussion: """
      On random data (rows x labels, float32 scores with ties, about 30% positives): the full \
      report, macro ROC AUC, micro ROC AUC, the streaming update of a threshold metric and of a \
      ranking metric per 128-row batch, and a training epoch's work for roc_auc_macro, f1_micro and \
      hamming_loss (32-row batches, then the results).
      """
  )

  @Option(help: "Rows of the random data.") var rows: Int = 100_000
  @Option(help: "Labels of the random data.") var labels: Int = 100
  @Option(help: "Repetitions; the best time is printed.") var repeats: Int = 3

  func run() throws {
    guard rows > 0, labels > 0, repeats > 0 else { throw ValidationError("--rows, --labels and --repeats must be positive") }
    guard Tensor.elementCount([rows, labels]) != nil else {
      throw ValidationError("--rows x --labels must be at most \(Tensor.maxElements), got \(rows) x \(labels)")
    }
    var state: UInt64 = 42
    func next() -> Float {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Float(state >> 40) / Float(1 << 24)
    }
    let n = rows * labels
    var truth = [Float](repeating: 0, count: n), score = [Float](repeating: 0, count: n)
    for k in 0..<n {
      truth[k] = next() < 0.3 ? 1 : 0
      score[k] = min(1, truth[k] * 0.25 + next() * 0.75)
    }
    let y = Truths(rows: rows, labels: labels, values: truth.map { $0 != 0 ? 1 : 0 })
    let s = Scores(rows: rows, labels: labels, values: score.map(Double.init))
    let shape = "\(rows)x\(labels)"

    func time(_ body: () throws -> Void) rethrows -> Double {
      var best = Double.infinity
      for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      return best
    }
    func line(_ what: String, _ seconds: Double) {
      print("metrics \(what) shape=\(shape) threads=\(Parallel.maxThreads) seconds=\(String(format: "%.6f", seconds))")
    }

    line("report", try time { _ = try MetricsReport(y, s, thresholds: Array(repeating: 0.5, count: labels)) })
    line("roc_auc_macro", try time { _ = try RocAuc.compute(y, s, average: .macro) })
    line("roc_auc_micro", try time { _ = try RocAuc.compute(y, s, average: .micro) })
    line(RankingMetric.labelRankingAveragePrecision.rawValue, try time { _ = try RankingMetric.labelRankingAveragePrecision.compute(y, s) })

    // Streaming: the cost of one update with a 128-row batch, averaged over an epoch.
    for name in ["f1_micro", "roc_auc_macro", "roc_auc_micro", "average_precision_macro", "binary_crossentropy"] {
      let m = try TrainingMetrics.make(name)
      let batch = 128, batches = rows / batch
      let seconds = time {
        m.reset()
        truth.withUnsafeBufferPointer { t in
          score.withUnsafeBufferPointer { p in
            for b in 0..<batches {
              m.update(truth: t.baseAddress! + b * batch * labels, scores: p.baseAddress! + b * batch * labels, rows: batch, labels: labels)  // cannot fail: an array has an address even when empty
            }
          }
        }
      }
      line("streaming_update_\(name) batch=128", seconds / Double(max(batches, 1)))
      line("streaming_result_\(name)", try time { _ = try m.result() })
    }

    // A training epoch's metric work: batches of 32 rows fed to the three metrics together,
    // then their results. The rows come in another order each time, as fit shuffles them.
    let trio = try ["roc_auc_macro", "f1_micro", "hamming_loss"].map { try TrainingMetrics.make($0) }
    let L = labels
    var order = Array(0..<rows), epochTruth = truth, epochScore = score
    var shuffle = RandomStream(seed: 7)
    var updates = Double.infinity, results = Double.infinity
    for _ in 0..<max(repeats, 5) {
      shuffle.shuffle(&order)
      for (r, i) in order.enumerated() {
        for j in 0..<L { epochTruth[r * L + j] = truth[i * L + j]; epochScore[r * L + j] = score[i * L + j] }
      }
      for m in trio { m.reset() }
      let start = DispatchTime.now().uptimeNanoseconds
      epochTruth.withUnsafeBufferPointer { t in
        epochScore.withUnsafeBufferPointer { p in
          for first in stride(from: 0, to: rows, by: 32) {
            StreamingMetrics.update(trio, truth: t.baseAddress! + first * L, scores: p.baseAddress! + first * L,  // cannot fail: an array has an address even when empty
                                    rows: min(32, rows - first), labels: L)
          }
        }
      }
      let fed = DispatchTime.now().uptimeNanoseconds
      for m in trio { _ = try m.result() }
      let done = DispatchTime.now().uptimeNanoseconds
      updates = min(updates, Double(fed - start) / 1e9)
      results = min(results, Double(done - fed) / 1e9)
    }
    line("epoch_updates roc_auc_macro,f1_micro,hamming_loss batch=32", updates)
    line("epoch_results roc_auc_macro,f1_micro,hamming_loss", results)
  }
}
