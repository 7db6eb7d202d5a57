import Catalog
import Tensors
import Testing

/// A body reads its arguments through the `Arg`s its own declaration handed out: as their
/// Swift types, with defaults filled in, and never another entry's.
@Suite struct TypedArgumentTests {
  let session = Session(catalog: Catalog())

  enum Mode: String, ScriptEnum { case fast, exact }

  /// The message of the error `body` throws, or nil.
  func message(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch { return "\(error)" }
  }

  @Test func argumentsArriveAsTheirDeclaredTypes() throws {
    let e = Entry(module: "m", name: "f", summary: "") { d in
      let n = d.parameter("n", Int.self, "count", as: .positiveInteger)
      let scale = d.option("scale", Float.self, "factor", default: 0.5)
      let mode = d.option("mode", Mode.self, "how", default: .exact)
      let label = d.option("label", String.self, "a label")
      return { a in [.string("\(try a[n]) \(try a[scale]) \(try a[mode]) \(try a[label] ?? "none")")] }
    }
    #expect(e.options.map(\.name) == ["scale", "mode", "label"])
    guard case .string(let plain)? = try e.call([.integer(3)], in: session).first,
          case .string(let given)? = try e.call([.number(4), .table([("mode", .string("fast")), ("label", .string("x"))])], in: session).first
    else { Issue.record("no result"); return }
    #expect(plain == "3 0.5 exact none")
    #expect(given == "4 0.5 fast x")
  }

  @Test func anotherEntrysArgumentIsAnErrorNotAValue() throws {
    var stolen: Arg<Int>?
    _ = Entry(module: "m", name: "g", summary: "") { d in
      stolen = d.parameter("k", Int.self, "a count")
      return { _ in [] }
    }
    let thief = try #require(stolen)
    let e = Entry(module: "m", name: "f", summary: "") { d in
      _ = d.parameter("n", Int.self, "a count")
      return { a in [.integer(try a[thief])] }
    }
    #expect(message { try e.call([.integer(1)], in: session) } == "m.f: reads 'k', which its declaration does not list")
  }

  @Test func aTypeThatDoesNotFitTheDeclarationIsAnError() throws {
    let e = Entry(module: "m", name: "f", summary: "") { d in
      let x = d.parameter("x", Int.self, "a value", as: .string)
      return { a in [.integer(try a[x])] }
    }
    #expect(message { try e.call([.string("s")], in: session) } == "m.f: 'x' is declared as a string but read as Int")
  }

  @Test func declaredBoundsAreChecked() throws {
    let e = Entry(module: "m", name: "f", summary: "") { d in
      let lr = d.option("lr", Double.self, "rate", as: .numberAtLeast(0), default: 0.1)
      let eps = d.option("eps", Double.self, "epsilon", as: .numberAbove(0), default: 1e-8)
      let beta = d.option("beta", Double.self, "decay", as: .numberInHalfOpen(0, 1), default: 0.9)
      return { a in [.number(try a[lr] + a[eps] + a[beta])] }
    }
    #expect(message { try e.call([.table([("lr", .number(-1))])], in: session) } == "m.f: option 'lr' expects a number >= 0, got a number (-1)")
    #expect(message { try e.call([.table([("eps", .integer(0))])], in: session) } == "m.f: option 'eps' expects a number > 0, got an integer (0)")
    #expect(message { try e.call([.table([("beta", .integer(1))])], in: session) } == "m.f: option 'beta' expects a number in [0, 1), got an integer (1)")
    _ = try e.call([.table([("lr", .integer(0)), ("beta", .integer(0))])], in: session)
  }
}
