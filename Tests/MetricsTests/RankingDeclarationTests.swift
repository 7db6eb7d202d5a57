import Catalog
import Foundation
import Testing
import Tensors
@testable import CrescentMetrics

/// The ranking family is declared once, by `RankingMetric`: each case is a documented
/// `metrics` function, a training metric, a documented report field and a line of the
/// report's table, and no other source file spells its names.
struct RankingDeclarationTests {
  static let truth: [Float] = [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]
  static let scores: [Float] = [0.75, 0.5, 1, 0.2, 0.1, 0.9, 0.9, 0.3, 0.6, 0.8, 0.2, 0.4]

  static var data: (Truths, Scores) {
    (Truths(rows: 4, labels: 3, values: truth.map { UInt8($0) }), Scores(rows: 4, labels: 3, values: scores.map { Double($0) }))
  }

  @Test(arguments: RankingMetric.allCases)
  func everyUseComesFromTheDeclaration(metric: RankingMetric) throws {
    let name = metric.rawValue
    let entry = try #require(MetricsLibrary.entries.first { $0.name == name }, "metrics.\(name) is not a function")
    #expect(entry.summary == metric.summary)
    #expect(entry.returns.first?.doc == metric.range)
    #expect(TrainingMetrics.names.contains(name))
    #expect(TrainingMetrics.higherIsBetter(name) == metric.higherIsBetter)
    let field = try #require(Report.properties.first { $0.name == name }, "Report.\(name) is not a field")
    #expect(field.doc == metric.meaning)

    let (t, s) = Self.data
    let report = try MetricsReport(t, s, thresholds: [0.5, 0.5, 0.5])
    #expect(report[name] == (try metric.compute(t, s)))
    #expect(report.description.contains(name))
  }

  /// Only label ranking average precision improves upwards.
  @Test func onlyLrapIsHigherIsBetter() {
    #expect(RankingMetric.allCases.filter(\.higherIsBetter) == [.labelRankingAveragePrecision])
  }

  /// scikit-learn on the rows above (label_ranking_average_precision_score 0.708333...,
  /// coverage_error 2, label_ranking_loss 0.375); one-error by hand (rows 1 and 3 put a false
  /// label on top).
  @Test func valuesMatchScikitLearn() throws {
    let (t, s) = Self.data
    let expected: [RankingMetric: Double] = [
      .labelRankingAveragePrecision: (0.5 + 5.0 / 6 + 0.5 + 1) / 4,
      .coverageError: 2,
      .labelRankingLoss: 0.375,
      .oneError: 0.5,
    ]
    for (m, v) in expected { #expect(abs(try m.compute(t, s) - v) < 1e-12, "\(m.rawValue)") }
  }

  /// A ranking metric's name in quotes anywhere in Sources but its declaration is a second
  /// hand list in the making.
  @Test func noOtherSourceSpellsTheNames() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("Metrics/RankingMetrics.swift") }
    #expect(files.count > 100)
    for f in files {
      let text = try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8)
      for m in RankingMetric.allCases { #expect(!text.contains("\"\(m.rawValue)\""), "\(f) spells \"\(m.rawValue)\"") }
    }
  }
}
