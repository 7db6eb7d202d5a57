import Catalog
import Testing
@testable import CrescentMetrics

/// balanced_accuracy against scikit-learn 1.9.1's balanced_accuracy_score (values printed by
/// it; the first case is also the mean of the recalls 4/5, 1/2 and 2/3).
struct BalancedAccuracyTests {
  let y = [1, 1, 1, 1, 2, 2, 3, 3, 3, 1]
  let p = [1, 1, 2, 1, 2, 3, 3, 1, 3, 1]

  @Test func asScikitLearn() throws {
    #expect(abs(try BalancedAccuracy.compute(y, p) - 0.6555555555555556) < 1e-15)
    #expect(abs(try BalancedAccuracy.compute(y, p, adjusted: true) - 0.48333333333333334) < 1e-15)
  }

  @Test func aClassOnlyPredictedIsLeftOut() throws {
    // scikit-learn: 0.75 and 0.5 (it warns that y_pred contains classes not in y_true).
    #expect(try BalancedAccuracy.compute([1, 1, 2, 2], [1, 3, 2, 2]) == 0.75)
    #expect(try BalancedAccuracy.compute([1, 1, 2, 2], [1, 3, 2, 2], adjusted: true) == 0.5)
  }

  @Test func fromScriptsWithScoresAndOptions() throws {
    let catalog = MetricsCatalogTests.catalog
    let entry = try #require(catalog.entry("metrics.balanced_accuracy"))
    // p as scores: each row's argmax is the prediction above.
    let scores = Value.list(p.map { c in .list((1...3).map { .number($0 == c ? 0.7 : 0.15) }) })
    let truth = Value.list(y.map { .integer($0) })
    let got = try entry.call([truth, scores, .table([("adjusted", .bool(true))])], in: Session(catalog: catalog))
    guard case .number(let v)? = got.first else { Issue.record("not a number"); return }
    #expect(abs(v - 0.48333333333333334) < 1e-15)
    #expect(throws: CatalogError.self) { try entry.call([truth, .list([.integer(1)])], in: Session(catalog: catalog)) }
  }
}
