import Catalog
import Foundation
import Testing
@testable import NN

/// Integer settings in a model file must be whole numbers an Int holds: 1.5 is not read as 1,
/// and 1e30 or 2^63 is an error rather than a conversion that overflows.
@Suite struct ModelFileNumberTests {
  @Test func integersMustBeWholeAndInRange() throws {
    #expect(ModelFile.integer(NSNumber(value: 4)) == 4)
    #expect(ModelFile.integer(NSNumber(value: 4.0)) == 4)
    #expect(ModelFile.integer(NSNumber(value: Int64.max - 1)) == nil)  // beyond 9e18: refused, as a double it may not be exact
    #expect(ModelFile.integer(NSNumber(value: 1 << 62)) == 1 << 62)
    for bad in [1.5, 1e30, -1e30, .infinity, .nan] {
      #expect(ModelFile.integer(NSNumber(value: bad)) == nil, "\(bad)")
    }
    #expect(throws: CatalogError.self) { try ModelFile.value(NSNumber(value: 1e30), .positiveInteger, "nn.Dense option 'units'") }
    guard case .integer(8) = try ModelFile.value(NSNumber(value: 8), .positiveInteger, "nn.Dense option 'units'") else {
      Issue.record("8 should read as the integer 8")
      return
    }
  }
}
