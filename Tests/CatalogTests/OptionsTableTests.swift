import Testing
@testable import Catalog
import StandardLibrary
import Tensors

/// A trailing options table: every entry accepts an empty one, and one with names an entry
/// does not know is an error naming the option.
@Suite struct OptionsTableTests {
  let catalog = Catalog.standard()

  func message(_ name: String, _ args: [Value]) -> String {
    do { _ = try #require(catalog.entry(name)).call(args); return "no error" } catch { return "\(error)" }
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
    let entry = Entry(module: "t", name: "f", summary: "", parameters: [Parameter("config", .record, "a table")]) { a in
      [a.value("config")]
    }
    let result = try entry.call([.list([])])
    guard case .table(let pairs)? = result.first else { Issue.record("expected a table, got \(result)"); return }
    #expect(pairs.isEmpty)
    #expect((try? entry.call([.list([]), .list([])])) != nil)
    #expect(throws: CatalogError.self) { try entry.call([.list([]), .integer(1)]) }
  }

  @Test func variadicEntriesStillCountTheirArguments() {
    #expect(message("tensor.zeros", [.integer(2), .integer(3), .list([])]) == "no error")
    #expect(message("tensor.zeros", [.integer(2), .string("x")]).contains("expects a positive integer"))
  }
}

/// A trailing empty table after an optional positional argument is the options table, in every
/// entry of the catalog, unless the parameter there takes a table.
@Suite struct EmptyOptionsAfterOptionalArgumentTests {
  let catalog = Catalog.standard()

  func sample(_ type: ValueType) -> Value? {
    switch type {
    case .integer, .positiveInteger, .nonNegativeInteger: return .integer(1)
    case .number, .tensorOrNumber: return .number(0.5)
    case .numberIn(let lo, let hi): return .number((lo + hi) / 2)
    case .string: return .string("sample")
    case .oneOf(let names): return names.first.map { .string($0) }
    case .bool: return .bool(false)
    case .tensor, .tensorLike: return .tensor(Tensor(shape: [2, 2], scalars: [0.25, 0.5, 0.75, 1]))
    case .either(let a, let b): return sample(a) ?? sample(b)
    default: return nil
    }
  }

  @Test func everyEntryTakesATrailingEmptyTableAsItsOptions() throws {
    var checked = 0
    for e in catalog.modules.flatMap(\.entries) where e.kind == .native && !e.options.isEmpty {
      let fixed = e.parameters.filter { !$0.variadic }
      guard let firstOptional = fixed.firstIndex(where: { !$0.isRequired }),
            !Arguments.takesTable(fixed[firstOptional].type) else { continue }
      let required = fixed[..<firstOptional].map { sample($0.type) }
      guard !required.contains(where: { $0 == nil }) else { continue }
      checked += 1
      let message: String
      do { _ = try e.call(required.map { $0! } + [.list([])]); message = "no error" } catch { message = "\(error)" }
      #expect(!message.contains("empty table"), "\(e.qualifiedName)(..., {}): \(message)")
    }
    #expect(checked >= 10)
  }

  @Test func reductionsAndArangeTakeAnEmptyOptionsTable() throws {
    let x = Value.tensor(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
    for name in ["tensor.sum", "tensor.max", "tensor.argmax", "tensor.size"] {
      let entry = try #require(catalog.entry(name))
      #expect(throws: Never.self, "\(name)") { _ = try entry.call([x, .list([])]) }
    }
    let arange = try #require(catalog.entry("tensor.arange"))
    let r = try arange.call([.integer(5), .list([])])
    guard case .tensor(let t)? = r.first else { Issue.record("expected a tensor"); return }
    #expect(t.shape == [5])
  }
}
