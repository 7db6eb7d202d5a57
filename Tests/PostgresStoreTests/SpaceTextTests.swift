import Testing
@testable import PostgresStore
import Sweeps

@Suite struct SpaceTextTests {
  @Test func aSpaceReadsBackFromItsText() throws {
    let text = Fixtures.space.description
    #expect(try SpaceText.parse(text) == Fixtures.space)
    #expect(try SpaceText.parse(text).description == text)
    let listOption = SearchSpace(parameters: [
      SweepParameter(key: "layers", distribution: .choice([.list([.integer(512), .integer(256)]), .list([])])),
      SweepParameter(key: "a.b", distribution: .uniform(low: -1.5, high: 2.25, step: nil)),
    ], objective: "loss", direction: .minimize)
    #expect(try SpaceText.parse(listOption.description) == listOption)
  }

  @Test func badTextSaysWhatWasExpected() {
    #expect(throws: SweepError("search space text: the last line must be 'minimize OBJECTIVE' or 'maximize OBJECTIVE', got 'lr=uniform(0.0, 1.0)'")) {
      try SpaceText.parse("lr=uniform(0.0, 1.0)")
    }
    #expect(throws: SweepError("search space text: 'lr=uniform(0.0, 1.0': the distribution's parentheses are not closed")) {
      try SpaceText.parse("lr=uniform(0.0, 1.0\nminimize loss")
    }
  }

  @Test func paramsKeepEveryBit() throws {
    let params: [String: Double] = ["a": 0.1 + 0.2, "b": -0.0, "c": .leastNonzeroMagnitude, "d": .nan, "e": -.infinity,
                                    "q\"\\\n": 1e300, "f": Double(bitPattern: 0x7FF8_0000_0000_0123)]
    let read = try ParamsText.read(ParamsText.json(params), trial: 0)
    #expect(Set(read.keys) == Set(params.keys))
    for (k, v) in params { #expect(read[k]?.bitPattern == v.bitPattern, "\(k)") }
    #expect(throws: SweepError("trial 3: its stored parameters are not a JSON object of numbers ('a' is not a number): {\"a\":x}")) {
      try ParamsText.read("{\"a\":x}", trial: 3)
    }
  }

  @Test func addressesAreReadAndPasswordsNeverShown() throws {
    let a = try PostgresAddress(url: "postgres://me:s%40cret@db.example:6543/studies?sslmode=disable")
    #expect(a.host == "db.example" && a.port == 6543 && a.user == "me" && a.password == "s@cret" && a.database == "studies" && a.tls == .disable)
    #expect(a.description == "PostgreSQL server me@db.example:6543/studies")
    let b = try PostgresAddress(url: "postgresql://me@localhost")
    #expect(b.port == 5432 && b.database == "me" && b.password == nil && b.tls == .prefer)
    #expect(throws: SweepError("--store 'mysql://me:***@h/db': the scheme must be postgres://, got mysql://; expected postgres://user:password@host:port/database")) {
      try PostgresAddress(url: "mysql://me:pw@h/db")
    }
    #expect(throws: SweepError("--store 'postgres://h/db': no user name; expected postgres://user:password@host:port/database")) {
      try PostgresAddress(url: "postgres://h/db")
    }
    #expect(throws: SweepError("--store 'postgres://u:***@h/db?ssl=1': unknown setting 'ssl' (the address takes sslmode only); expected postgres://user:password@host:port/database")) {
      try PostgresAddress(url: "postgres://u:pw@h/db?ssl=1")
    }
  }
}
