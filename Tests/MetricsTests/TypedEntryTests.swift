@testable import Catalog
@testable import CrescentMetrics
import Testing

/// The metrics entries read their arguments through typed declarations, so none can ask for
/// an argument its declaration does not list.
struct MetricsTypedEntryTests {
  @Test func everyEntryReadsTypedArguments() {
    for e in MetricsLibrary.entries {
      #expect(e.declarer != nil, "\(e.qualifiedName) reads its arguments by name")
    }
  }
}
