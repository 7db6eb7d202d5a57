import Testing
@testable import Reports

@Suite struct SeedGroupTests {
  func run(_ id: String, _ experiment: String = "mlp", seed: UInt64, lr: String) -> ReportRun {
    ReportRun(id: id, experiment: experiment, seed: seed, config: [ReportField("lr", lr), ReportField("seed", "\(seed)"), ReportField("units", "64")])
  }

  @Test func runsThatDifferOnlyBySeedGroupTogether() {
    var reordered = run("b", seed: 2, lr: "0.1")
    reordered.config.reverse()   // the order of keys does not matter
    let groups = SeedGroup.groups([run("a", seed: 1, lr: "0.1"), run("c", seed: 3, lr: "0.01"), reordered, run("d", seed: 1, lr: "0.01")])
    #expect(groups.map { $0.runs.map(\.id) } == [["a", "b"], ["c", "d"]])
    #expect(groups.map(\.label) == ["lr=0.1 (2 seeds)", "lr=0.01 (2 seeds)"])
  }

  @Test func otherExperimentsAndSingleRunsAreTheirOwnGroups() {
    let groups = SeedGroup.groups([run("a", seed: 1, lr: "0.1"), run("x", "other", seed: 2, lr: "0.1"), run("b", seed: 5, lr: "0.1")])
    #expect(groups.map { $0.runs.map(\.id) } == [["a", "b"], ["x"]])
    #expect(groups.map(\.label) == ["mlp (2 seeds)", "other"])
    let alone = SeedGroup.groups([run("a", seed: 1, lr: "0.1")])
    #expect(alone.map(\.label) == ["a"])
  }
}
