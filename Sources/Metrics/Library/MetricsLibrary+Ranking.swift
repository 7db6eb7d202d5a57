import Catalog

extension MetricsLibrary {
  /// An entry of truths and scores giving one number.
  static func scoresEntry(_ name: String, _ summary: String, _ returns: String,
                          _ compute: @escaping @Sendable (Truths, Scores) throws -> Double) -> Entry {
    entry(name, summary, returns: [Returned(.number, returns)]) { d in
      let ys = TruthAndScores(d)
      return { a in
        let (y, s) = try ys.read(a)
        return [.number(try compute(y, s))]
      }
    }
  }

  static func rankingEntry(_ metric: RankingMetric) -> Entry {
    scoresEntry(metric.rawValue, metric.summary, metric.range) { y, s in try metric.compute(y, s) }
  }

  static var rankingEntries: [Entry] {
    RankingMetric.allCases.map(rankingEntry) + [
      scoresEntry("binary_crossentropy", "Mean binary cross-entropy over every cell, probabilities clipped to [1e-7, 1 − 1e-7].",
                  "the mean loss (natural log)") { y, s in try BinaryCrossentropy.compute(y, s) },
    ]
  }
}
