import Testing
@testable import Catalog
import StandardLibrary
import Tensors

/// A trailing options table: every entry accepts an empty one, and one with names an entry
/// does not know is an error naming the option.
@Suite struct OptionsTableTests {
  let catalog = Catalog.standard()

  func message(_ name: String, _ args: [Value]) -> String {
    do { _ = try #require(catalog.entry(name)).call(args, in: Session(catalog: catalog)); return "no error" } catch { return "\(error)" }
  }

  @Test func entriesWithoutOptionsAcceptAnEmptyTable() {
    #expect(message("callbacks.TerminateOnNaN", [.list([])]) == "no error")
    #expect(message("losses.MeanSquaredError", [.list([])]) == "no error")
    #expect(message("tensor.exp", [.tensor(.zeros([2])), .list([])]) == "no error")
    #expect(message("data.StandardScaler", [.list([])]) == "no error")
    // A model file's settings reach constructors as empty records rather than empty lists.
    #expect(message("losses.MeanSquaredError", [.table([])]) == "no error")
    #expect(message("callbacks.TerminateOnNaN", [.table([])]) == "no error")
  }

  @Test func entriesWithoutOptionsNameAnUnknownOption() {
    #expect(message("losses.MeanSquaredError", [.table([("reduction", .string("sum"))])])
            == "losses.MeanSquaredError: unknown option 'reduction': MeanSquaredError takes no options")
  }

  @Test func anEmptyTableStillFillsADeclaredArgument() throws {
    // The table is the argument when the entry expects one there, not an options table.
    let entry = Entry(module: "t", name: "f", summary: "") { d in
      let config = d.parameter("config", Value.self, "a table", as: .record)
      return { a in [try a[config]] }
    }
    let result = try entry.call([.list([])], in: Session(catalog: catalog))
    guard case .table(let pairs)? = result.first else { Issue.record("expected a table, got \(result)"); return }
    #expect(pairs.isEmpty)
    #expect((try? entry.call([.list([]), .list([])], in: Session(catalog: catalog))) != nil)
    #expect(throws: CatalogError.self) { try entry.call([.list([]), .integer(1)], in: Session(catalog: catalog)) }
  }

  @Test func variadicEntriesStillCountTheirArguments() {
    #expect(message("tensor.zeros", [.integer(2), .integer(3), .list([])]) == "no error")
    #expect(message("tensor.zeros", [.integer(2), .string("x")]).contains("expects a positive integer"))
  }
}
