@testable import Catalog
import Experiments
import Testing

/// The run object's methods read their arguments through typed declarations.
struct ExperimentsTypedEntryTests {
  @Test func everyEntryReadsTypedArguments() {
    #expect(ExperimentLibrary.entries.count == 6)
    #expect(SweepLibrary.entries.count == 5)
    for e in ExperimentLibrary.entries + SweepLibrary.entries {
      #expect(e.declarer != nil, "\(e.qualifiedName) reads its arguments by name")
    }
  }
}
