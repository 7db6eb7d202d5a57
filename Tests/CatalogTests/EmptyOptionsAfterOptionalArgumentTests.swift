import Testing
@testable import Catalog
import StandardLibrary
import Tensors

/// A trailing empty table after an optional positional argument is the options table, in every
/// entry of the catalog, unless the parameter there takes a table.
@Suite struct EmptyOptionsAfterOptionalArgumentTests {
  let catalog = Catalog.standard()

  func sample(_ type: ValueType) -> Value? {
    switch type {
    case .integer, .positiveInteger, .nonNegativeInteger: return .integer(1)
    case .number, .tensorOrNumber: return .number(0.5)
    case .numberIn(let lo, let hi), .numberInHalfOpen(let lo, let hi): return .number((lo + hi) / 2)
    case .numberAtLeast(let lo), .numberAbove(let lo): return .number(lo + 0.5)
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
    for e in catalog.modules.flatMap(\.entries) where e.kind == .native {
      let fixed = e.parameters.filter { !$0.variadic }
      guard let firstOptional = fixed.firstIndex(where: { !$0.isRequired }),
            !Arguments.takesTable(fixed[firstOptional].type) else { continue }
      let required = fixed[..<firstOptional].map { sample($0.type) }
      guard !required.contains(where: { $0 == nil }) else { continue }
      checked += 1
      let message: String
      do { _ = try e.call(required.map { $0! } + [.list([])], in: Session(catalog: catalog)); message = "no error" } catch { message = "\(error)" }
      #expect(!message.contains("empty table"), "\(e.qualifiedName)(..., {}): \(message)")
    }
    #expect(checked >= 10)
  }

  @Test func reductionsAndArangeTakeAnEmptyOptionsTable() throws {
    let x = Value.tensor(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
    for name in ["tensor.sum", "tensor.max", "tensor.argmax", "tensor.size"] {
      let entry = try #require(catalog.entry(name))
      #expect(throws: Never.self, "\(name)") { _ = try entry.call([x, .list([])], in: Session(catalog: catalog)) }
    }
    let arange = try #require(catalog.entry("tensor.arange"))
    let r = try arange.call([.integer(5), .list([])], in: Session(catalog: catalog))
    guard case .tensor(let t)? = r.first else { Issue.record("expected a tensor"); return }
    #expect(t.shape == [5])
  }
}
