@testable import Catalog
@testable import Datasets
import Testing

/// The data entries built, transformed and split in Swift read their arguments through typed
/// declarations, so none can ask for an argument its declaration does not list.
struct DatasetsTypedEntryTests {
  @Test func everyEntryReadsTypedArguments() {
    let entries = DataLibrary.constructors + DataLibrary.generators + DataLibrary.transforms + DataLibrary.splits
    #expect(entries.count >= 18)
    for e in entries {
      #expect(e.declarer != nil, "\(e.qualifiedName) reads its arguments by name")
    }
  }
}
