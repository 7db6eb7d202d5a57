import Catalog
import StandardLibrary
import Testing
@testable import Datasets
import Tensors

/// A dataset's labels are 0/1 columns or one column of class indices 1, 2, ...; anything else is
/// refused with its row, column and value.
@Suite struct LabelCheckTests {
  func check(_ rows: Int, _ columns: Int, _ values: [Float]) -> String? {
    dataError { try LabelCheck.validate(Tensor(shape: [rows, columns], scalars: values)) }
  }

  @Test func binaryColumnsAndClassIndicesPass() {
    #expect(check(3, 2, [1, 0, 0, 1, 1, 1]) == nil)
    #expect(check(4, 1, [0, 1, 1, 0]) == nil)
    #expect(check(4, 1, [1, 2, 3, 1]) == nil)
  }

  @Test func valuesOutsideZeroOneInSeveralColumnsAreNamed() {
    #expect(check(2, 2, [1, 0, 0, 2]) == "'y' at row 2, column 2 is 2; labels are 0 or 1 in each column, or class indices 1, 2, ... in a single column")
    #expect(check(2, 2, [1, -1, 0, 1])?.hasPrefix("'y' at row 1, column 2 is -1;") == true)
    #expect(check(2, 2, [1, 0, .nan, 1])?.hasPrefix("'y' at row 2, column 1 is nan;") == true)
    #expect(check(2, 2, [0.5, 0, 0, 1])?.hasPrefix("'y' at row 1, column 1 is 0.5;") == true)
  }

  @Test func classIndicesMustBeWholeAndFromOne() {
    #expect(check(4, 1, [0, 2, 3, 1]) == "'y' at row 1, column 1 is 0 (class indices start at 1); labels are 0 or 1 in each column, or class indices 1, 2, ... in a single column")
    #expect(check(3, 1, [1, 1.5, 2])?.hasPrefix("'y' at row 2, column 1 is 1.5;") == true)
    #expect(check(3, 1, [1, 2, -3])?.hasPrefix("'y' at row 3, column 1 is -3;") == true)
  }

  @Test func theDatasetConstructorChecksThem() {
    let x = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    func make(_ y: Tensor) -> String {
      do {
        _ = try DataOutTests.catalog.entry("data.Dataset")!.call([.table([("x", .tensor(x)), ("y", .tensor(y))])], in: Session(catalog: DataOutTests.catalog))
        return "no error"
      } catch { return "\(error)" }
    }
    #expect(make(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])) == "no error")
    #expect(make(Tensor(shape: [2, 2], scalars: [1, 0, -1, 1])).contains("option 'y' at row 2, column 1 is -1; labels are 0 or 1"))
    #expect(make(Tensor(shape: [2, 1], scalars: [0, 2])).contains("option 'y' at row 1, column 1 is 0 (class indices start at 1)"))
  }
}
