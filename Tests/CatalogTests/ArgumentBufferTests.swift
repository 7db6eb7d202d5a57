import Testing
@testable import Catalog
import Tensors

/// Calls that reuse one buffer for their checked arguments (as a host calling entries over
/// and over does) see exactly their own values, even when a body keeps its arguments.
@Suite struct ArgumentBufferTests {
  final class Kept: @unchecked Sendable { var arguments: [Arguments] = [] }

  @Test func aReusedBufferHoldsOnlyTheCurrentCallsValues() throws {
    let kept = Kept()
    let entry = Entry(module: "t", name: "f", summary: "Test.") { d in
      let a = d.parameter("a", Int.self, "a")
      let b = d.optionalParameter("b", String.self, "b")
      let scale = d.option("scale", Double.self, "scale", default: 1)
      return { args in
        kept.arguments.append(args)  // keeps its arguments past the call
        return [.string("\(try args[a]) \(try args[b] ?? "-") \(try args[scale])")]
      }
    }
    let session = Session(catalog: Catalog())
    var buffer: [Value] = []
    func call(_ args: [Value]) throws -> String {
      guard case .string(let s)? = try entry.call(args, in: session, reusing: &buffer).first else { return "?" }
      #expect(buffer.isEmpty)
      return s
    }
    #expect(try call([.integer(1), .string("x"), .table([("scale", .number(2))])]) == "1 x 2.0")
    #expect(try call([.number(2)]) == "2 - 1.0")
    #expect(try call([.integer(3), .none, .table([])]) == "3 - 1.0")
    // A failed call leaves no value behind for the next one.
    #expect(throws: CatalogError.self) { try call([.string("4")]) }
    #expect(try call([.integer(5), .string("y")]) == "5 y 1.0")
    // What the bodies kept still reads as it was given.
    let firsts = try kept.arguments.map { try $0[Arg<Int>(slot: 0, owner: entry.declarer!, name: "a") { v in
      if case .integer(let i) = v { return i }
      return nil
    }] }
    #expect(firsts == [1, 2, 3, 5])
  }

  @Test func failingChecksStillNameTheArgument() {
    let entry = Entry(module: "t", name: "f", summary: "Test.") { d in
      let a = d.parameter("count", Int.self, "a", as: .positiveInteger)
      let items = d.parameter("items", [Int].self, "items", as: .list(.integer))
      return { args in [.integer(try args[a] + (try args[items]).count)] }
    }
    let session = Session(catalog: Catalog())
    func message(_ args: [Value]) -> String {
      do { _ = try entry.call(args, in: session); return "no error" } catch { return "\(error)" }
    }
    #expect(message([.integer(1), .list([.integer(2)])]) == "no error")
    #expect(message([.number(.nan), .list([])]) == "t.f: argument 1 ('count') expects a positive integer, got a number (nan)")
    #expect(message([.number(9.1e15), .list([])]) == "t.f: argument 1 ('count') expects a positive integer, got a number (9.1e15)")
    #expect(message([.integer(1), .list([.integer(2), .string("a\u{0}b")])])
            == "t.f: argument 2 ('items') item 2 expects an integer, got a string \"a\u{0}b\"")
  }
}
