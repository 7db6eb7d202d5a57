import Testing
@testable import Sweeps

@Suite struct DistributionTextTests {
  @Test func textFormReadsBackToTheSameDistribution() throws {
    let cases: [Distribution] = [
      .uniform(low: 0, high: 0.5, step: nil), .uniform(low: -1, high: 1, step: 0.25),
      .logUniform(low: 1e-4, high: 0.1), .integer(low: 16, high: 512, step: 16, log: false),
      .integer(low: 8, high: 1024, step: 1, log: true), .integer(low: 1, high: 4, step: 1, log: false),
      .choice([.string("adam"), .string("s\"g\\d\n"), .integer(3), .number(0.1), .bool(false),
               .list([.integer(512), .integer(256)])]),
    ]
    for d in cases {
      #expect(try Distribution(parsing: d.description) == d, "\(d)")
    }
    #expect(try Distribution(parsing: " loguniform( 1e-4 ,0.1 ) ") == .logUniform(low: 1e-4, high: 0.1))
    #expect(try Distribution(parsing: "choice('a', {1, 2})") == .choice([.string("a"), .list([.integer(1), .integer(2)])]))
  }

  @Test func badTextSaysWhatWasExpected() {
    #expect(throws: SweepError("'logunform(1, 2)': unknown distribution 'logunform'; distributions are: uniform, loguniform, int, logint, choice")) {
      try Distribution(parsing: "logunform(1, 2)")
    }
    #expect(throws: SweepError("'int(1.5, 4)': int takes integers, got 1.5")) { try Distribution(parsing: "int(1.5, 4)") }
    #expect(throws: SweepError("'uniform(0)': uniform takes 2 or 3 numbers, got 1")) { try Distribution(parsing: "uniform(0)") }
    #expect(throws: SweepError("'choice(\"a\"': expected ',' or ')' at position 11")) { try Distribution(parsing: "choice(\"a\"") }
  }

  @Test func invalidRangesAreRefusedBeforeAnyTrial() {
    #expect(throws: SweepError("sweep parameter 'lr': a log range must be above 0, got [0.0, 0.1]")) {
      try Distribution.logUniform(low: 0, high: 0.1).validate(name: "lr")
    }
    #expect(throws: SweepError("sweep parameter 'p': the range [0.5, 0.0] is inverted: low must be below high")) {
      try Distribution.uniform(low: 0.5, high: 0, step: nil).validate(name: "p")
    }
    #expect(throws: SweepError("sweep parameter 'p': the range [1.0, 1.0] is empty: low must be below high")) {
      try Distribution.uniform(low: 1, high: 1, step: nil).validate(name: "p")
    }
    #expect(throws: SweepError("sweep parameter 'opt': a choice needs at least one option")) {
      try Distribution.choice([]).validate(name: "opt")
    }
  }

  @Test func internalAndExternalFormsAgree() {
    let d = Distribution.integer(low: 16, high: 512, step: 16, log: false)
    #expect(d.count == 32)
    #expect(d.external(100) == .integer(96))
    #expect(d.internal(.integer(96)) == 96)
    let c = Distribution.choice([.string("adam"), .string("sgd")])
    #expect(c.internal(.string("sgd")) == 1)
    #expect(c.external(1) == .string("sgd"))
    #expect(Distribution.uniform(low: 0, high: 1, step: 0.25).count == 5)
    #expect(Distribution.uniform(low: 0, high: 1, step: 0.25).external(0.3) == .number(0.25))
  }
}
