import Catalog
import Testing
import Tensors
@testable import CrescentMetrics

/// accuracy refuses a true class beyond the score columns, as top_k_accuracy does; a flat list
/// given for a score matrix is named for what it is.
struct SingleLabelClassRangeTests {
  let helper = SingleLabelTests()
  let scores: Value = SingleLabelTests.rows([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.3, 0.3, 0.4]])

  @Test func accuracyRefusesAClassBeyondTheScoreColumns() {
    #expect(helper.message("accuracy", SingleLabelTests.list([2, 1, 3, 4]), scores)
            == "metrics.accuracy: row 4 of 'y' is class 4, but 'p' has scores for 3 classes")
    #expect(helper.message("top_k_accuracy", SingleLabelTests.list([2, 1, 3, 4]), scores)
            == "metrics.top_k_accuracy: row 4 of 'y' is class 4, but 's' has scores for 3 classes")
  }

  @Test func accuracyRefusesOneHotRowsOfAnotherWidth() {
    let y = SingleLabelTests.rows([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0]])
    #expect(helper.message("accuracy", y, scores)
            == "metrics.accuracy: 'y' has 4 columns (one per class) but 'p' has scores for 3 classes")
  }

  @Test func accuracyWithinRangeIsUnchanged() throws {
    // scikit-learn: accuracy_score([2, 1, 3, 3], argmax + 1 = [2, 1, 3, 3]) = 1.0
    let r = try helper.call("accuracy", SingleLabelTests.list([2, 1, 3, 3]), scores)
    #expect(helper.number(r[0]) == 1.0)
    let indices = try helper.call("accuracy", SingleLabelTests.list([2, 1, 3, 4]), SingleLabelTests.list([2, 1, 3, 1]))
    #expect(helper.number(indices[0]) == 0.75)
  }

  @Test func aFlatListForScoresSaysWhatIsWrong() {
    #expect(helper.message("top_k_accuracy", SingleLabelTests.list([1, 2, 1, 2]), SingleLabelTests.list([0.9, 0.1, 0.3, 0.2]))
            == "metrics.top_k_accuracy: argument 2 ('s') expects a tensor or a list of lists of numbers, but item 1 expects a list of numbers, got a number (0.9)")
  }
}
