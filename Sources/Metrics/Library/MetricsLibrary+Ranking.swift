import Catalog

extension MetricsLibrary {
  static func rankingEntry(_ metric: RankingMetric) -> Entry {
    entry(metric.rawValue, metric.summary, parameters: [truthParameter, scoreParameter], returns: [Returned(.number, metric.range)]) { a in
      let (y, s) = try truthAndScores(a)
      return [.number(try metric.compute(y, s))]
    }
  }

  static var rankingEntries: [Entry] {
    RankingMetric.allCases.map(rankingEntry) + [
      entry("binary_crossentropy", "Mean binary cross-entropy over every cell, probabilities clipped to [1e-7, 1 − 1e-7].",
            parameters: [truthParameter, scoreParameter], returns: [Returned(.number, "the mean loss (natural log)")]) { a in
        let (y, s) = try truthAndScores(a)
        return [.number(try BinaryCrossentropy.compute(y, s))]
      },
    ]
  }
}
