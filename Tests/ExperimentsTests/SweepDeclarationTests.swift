import Testing
@testable import Experiments
import Catalog
import Sweeps

@Suite struct SweepDeclarationTests {
  func dist(_ d: Distribution, when: (String, [SweepValue])? = nil) -> Value {
    .object(SweepDistribution(d, condition: when.map { SweepParameter.Condition(key: $0.0, values: $0.1) }))
  }

  func space(_ params: [(String, Value)]) throws -> SearchSpace {
    try SweepDeclaration.space(from: .table(params + [("objective", .string("val_loss")), ("direction", .string("minimize"))]))
  }

  @Test func parametersAreSortedWithConditionalOnesAfterTheirParent() throws {
    let s = try space([
      ("z_opt", dist(.choice([.string("sgd"), .string("adam")]))),
      ("a_momentum", dist(.uniform(low: 0, high: 1, step: nil), when: ("z_opt", [.string("sgd")]))),
      ("b_nesterov", dist(.choice([.bool(true), .bool(false)]), when: ("z_opt", [.string("sgd")]))),
      ("a_dampening", dist(.uniform(low: 0, high: 1, step: nil), when: ("b_nesterov", [.bool(false)]))),
      ("lr", dist(.logUniform(low: 1e-4, high: 0.1))),
    ])
    #expect(s.parameters.map(\.key) == ["lr", "z_opt", "a_momentum", "b_nesterov", "a_dampening"])
    #expect(s.direction == .minimize && s.objective == "val_loss")
  }

  @Test func conditionsInACircleAreAnError() {
    #expect(throws: SweepError("sweep parameters 'a', 'b': their conditions name each other in a circle")) {
      try space([
        ("a", dist(.choice([.integer(1)]), when: ("b", [.integer(1)]))),
        ("b", dist(.choice([.integer(1)]), when: ("a", [.integer(1)]))),
      ])
    }
  }

  @Test func aValueThatIsNoDistributionIsNamed() {
    #expect(throws: SweepError("ex:sweep: parameter 'lr' must be a distribution (sweep.uniform, sweep.loguniform, sweep.int or sweep.choice), got a string \"x\"")) {
      try space([("lr", .string("x"))])
    }
    #expect(throws: SweepError("ex:sweep: parameter 'optim..beta1': the key has an empty part")) {
      try space([("optim..beta1", dist(.uniform(low: 0, high: 1, step: nil)))])
    }
  }

  @Test func dottedKeysAreTheConfigsLeaves() throws {
    var c = Config()
    try c.declare(.table([("lr", .number(0.1)), ("optim", .table([("beta1", .number(0.9)), ("betas", .list([.number(1)]))]))]))
    #expect(c.dottedKeys == ["lr", "optim.beta1", "optim.betas"])
  }

  @Test func theSpaceIsCheckedAgainstTheConfigTheNamedConfigsGive() throws {
    var d = ExperimentDeclaration(name: "e", configs: [.table([("lr", .number(0.1))])],
                                  named: [("wide", .table([("width", .integer(512))]))])
    d.sweep = try space([("width", dist(.integer(low: 16, high: 1024, step: 1, log: true)))])
    #expect(throws: SweepError("sweep parameter 'width' is not a key of the experiment's config; keys are: lr, seed")) {
      try d.checkSweep(named: [])
    }
    try d.checkSweep(named: ["wide"])
  }
}
