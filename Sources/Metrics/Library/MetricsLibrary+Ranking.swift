import Catalog

extension MetricsLibrary {
  /// An entry of truths and scores giving one number.
  static func scoresEntry(_ name: String, _ summary: String, _ returns: String,
                          _ compute: @escaping (Truths, Scores) throws -> Double) -> Entry {
    entry(name, summary, returns: [Returned(.number, returns)]) { d in
      let ys = TruthAndScores(d)
      return { a in
        let (y, s) = try ys.read(a)
        return [.number(try compute(y, s))]
      }
    }
  }

  static func rankingEntry(_ metric: RankingMetric, _ summary: String, _ returns: String) -> Entry {
    scoresEntry(metric.rawValue, summary, returns) { y, s in try metric.compute(y, s) }
  }

  static var rankingEntries: [Entry] {
    [
      rankingEntry(.labelRankingAveragePrecision, "Label ranking average precision (scikit-learn's label_ranking_average_precision_score; tied scores share the lower rank).",
                   "the mean over rows, in (0, 1]; a row with all or no labels relevant scores 1"),
      rankingEntry(.coverageError, "How far down each row's ranking one must go to cover every true label, averaged (scikit-learn's coverage_error; ties count fully).",
                   "the mean over rows; a row without true labels counts 0"),
      rankingEntry(.labelRankingLoss, "Fraction of (true, false) label pairs ranked wrongly or tied, averaged over rows (scikit-learn's label_ranking_loss).",
                   "the loss, in [0, 1]"),
      rankingEntry(.oneError, "Fraction of rows whose top-scored label (the first among ties) is not a true label.",
                   "the error, in [0, 1]"),
      scoresEntry("binary_crossentropy", "Mean binary cross-entropy over every cell, probabilities clipped to [1e-7, 1 − 1e-7].",
                  "the mean loss (natural log)") { y, s in try BinaryCrossentropy.compute(y, s) },
    ]
  }
}
