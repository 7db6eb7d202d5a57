import Testing
@testable import Catalog
import StandardLibrary
import Tensors

/// The catalog's argument checking: every failure names the function, the argument and what
/// was expected; nothing is silently coerced.
@Suite struct ArgumentCheckingTests {
  let catalog = Catalog.standard()

  func call(_ name: String, _ args: [Value]) throws -> [Value] {
    try #require(catalog.entry(name)).call(args, in: Session(catalog: catalog))
  }

  func message(_ name: String, _ args: [Value]) -> String {
    do { _ = try call(name, args); return "no error" } catch { return "\(error)" }
  }

  @Test func unknownOptionSuggestsTheClosest() {
    #expect(message("tensor.randn", [.integer(2), .table([("sed", .integer(1))])])
            == "tensor.randn: unknown option 'sed' (did you mean 'seed'?); options are: seed, mean, std")
  }

  @Test func wrongTypesAreNamed() {
    #expect(message("tensor.zeros", [.string("abc")])
            == "tensor.zeros: argument 1 ('dims') expects a positive integer, got a string \"abc\"")
    #expect(message("tensor.matmul", [.tensor(.zeros([2, 2])), .number(1)])
            == "tensor.matmul: argument 2 ('b') expects a tensor, got a number (1)")
    #expect(message("tensor.randn", [.integer(2), .table([("std", .string("x"))])])
            == "tensor.randn: option 'std' expects a number, got a string \"x\"")
    #expect(message("tensor.zeros", [.number(2.5)])
            == "tensor.zeros: argument 1 ('dims') expects a positive integer, got a number (2.5)")
    #expect(message("tensor.eye", [])
            == "tensor.eye: argument 1 ('n') is missing: expected a positive integer")
    #expect(message("tensor.eye", [.integer(2), .integer(3)]).hasPrefix("tensor.eye: takes 1 argument, got 2"))
  }

  @Test func coreErrorsArePrefixedWithTheEntry() {
    #expect(message("tensor.matmul", [.tensor(.zeros([128, 768])), .tensor(.zeros([512, 10]))])
            == "tensor.matmul: shapes 128x768 and 512x10 do not line up")
  }

  @Test func integralNumbersAreIntegersButOthersAreNot() throws {
    let r = try call("tensor.zeros", [.number(2), .integer(3)])
    guard case .tensor(let t) = r[0] else { Issue.record("not a tensor"); return }
    #expect(t.shape == [2, 3])
  }

  @Test func shapesMayBeOneTable() throws {
    guard case .tensor(let t) = try call("tensor.ones", [.list([.integer(4), .integer(5)])])[0] else { return }
    #expect(t.shape == [4, 5] && t.scalars.allSatisfy { $0 == 1 })
  }

  @Test func tensorLiteralsMustBeRectangularNumbers() {
    #expect(message("tensor.from", [.list([.list([.integer(1), .integer(2)]), .list([.integer(3)])])])
            == "tensor.from: argument 1 ('values') expects a tensor or a table of numbers: ragged table: expected 2 values at [2], got 1")
    #expect(message("tensor.from", [.list([.integer(1), .string("x")])])
            == "tensor.from: argument 1 ('values') expects a tensor or a table of numbers: expected a number at [2], got a string \"x\"")
  }

  @Test func enumerationsSuggest() throws {
    let e = Entry(module: "m", name: "f", summary: "") { d in
      _ = d.option("mode", String.self, "", as: .oneOf(["fast", "exact"]), default: "exact")
      return { _ in [] }
    }
    do { _ = try e.call([.table([("mode", .string("fsat"))])], in: Session(catalog: catalog)); Issue.record("accepted a bad value") } catch {
      #expect("\(error)" == "m.f: option 'mode' expects one of \"fast\", \"exact\", got \"fsat\" (did you mean \"fast\"?)")
    }
  }

  @Test func seededRandomTensorsRepeat() throws {
    let args: [Value] = [.integer(3), .integer(4), .table([("seed", .integer(1))])]
    guard case .tensor(let a) = try call("tensor.randn", args)[0], case .tensor(let b) = try call("tensor.randn", args)[0] else { return }
    #expect(a.scalars == b.scalars)
  }

  @Test func everyEntryIsDocumented() {
    for m in catalog.modules {
      for e in m.entries {
        #expect(!e.summary.isEmpty, "\(e.qualifiedName) has no summary")
        for p in e.parameters + e.options { #expect(!p.doc.isEmpty, "\(e.qualifiedName): '\(p.name)' has no doc") }
        if e.methodOf != nil { #expect(e.parameters.first.map { _ in true } ?? false, "\(e.qualifiedName) is a method without self") }
      }
    }
  }
}
