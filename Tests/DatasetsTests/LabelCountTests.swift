import Foundation
import Testing
@testable import Datasets
import Tensors

/// make_multilabel redraws each example's label count from Poisson(n_labels) until it is at
/// most n_classes: settings where that almost never happens are refused instead of running on.
struct LabelCountTests {
  @Test func theChanceOfKeepingADrawMatchesThePoissonDistribution() {
    // P(N <= 2) for N ~ Poisson(2) = e^-2 (1 + 2 + 2) = 0.676676...
    #expect(abs(MultilabelGenerator.keptDraws(labels: 2, classes: 2, allowUnlabeled: true) - 5 * exp(-2)) < 1e-12)
    // Without unlabelled examples, N = 0 is redrawn too: e^-2 (2 + 2).
    #expect(abs(MultilabelGenerator.keptDraws(labels: 2, classes: 2, allowUnlabeled: false) - 4 * exp(-2)) < 1e-12)
    #expect(MultilabelGenerator.keptDraws(labels: 2, classes: 1_000, allowUnlabeled: true) == 1)
    // P(N <= 150) for N ~ Poisson(200): the probabilities summed in Python, 1.31357030169428e-4.
    let large = MultilabelGenerator.keptDraws(labels: 200, classes: 150, allowUnlabeled: true)
    #expect(abs(large - 1.31357030169428e-4) < 1e-12)
  }

  @Test func hopelessSettingsAreErrorsNotHangs() throws {
    var stream = RandomStream(seed: 1)
    let hopeless = MultilabelGenerator(samples: 10, features: 4, classes: 2, labels: 100)
    do { _ = try hopeless.generate(stream: &stream); Issue.record("n_labels = 100 with n_classes = 2 was accepted") } catch let e as DataError {
      #expect(e.message.hasPrefix("n_labels = 100 with n_classes = 2: a label count of at most 2 comes from Poisson(100) with probability"))
    }
    let huge = MultilabelGenerator(samples: 10, features: 4, classes: 1_000_000, labels: Int(Int32.max))
    #expect(throws: DataError.self) { try huge.generate(stream: &stream) }
    _ = try MultilabelGenerator(samples: 10, features: 4, classes: 5, labels: 2).generate(stream: &stream)
  }
}
