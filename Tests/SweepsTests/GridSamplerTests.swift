import Testing
@testable import Sweeps

@Suite struct GridSamplerTests {
  static let space = SearchSpace(parameters: [
    SweepParameter(key: "opt", distribution: .choice([.string("adam"), .string("sgd"), .string("rmsprop")])),
    SweepParameter(key: "layers", distribution: .integer(low: 1, high: 4, step: 1, log: false)),
    SweepParameter(key: "dropout", distribution: .uniform(low: 0, high: 0.5, step: 0.25)),
  ], objective: "loss", direction: .minimize)

  /// Makes trials in the order `numbers`, each seeing those made before it.
  static func run(_ sampler: GridSampler, _ space: SearchSpace, _ numbers: [Int], history: [TrialRecord] = []) throws -> [TrialRecord] {
    var trials = history
    for n in numbers {
      let params = try sampler.sample(space: space, trials: trials, number: n)
      trials.append(TrialRecord(number: n, state: .running, params: params))
    }
    return trials
  }

  static func key(_ space: SearchSpace, _ t: TrialRecord) -> String {
    space.values(of: t.params).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
  }

  @Test func everyPointOnceInAShuffledOrder() throws {
    let sampler = GridSampler(seed: 3)
    #expect(sampler.capacity(space: Self.space) == 36)
    let trials = try Self.run(sampler, Self.space, Array(0..<36))
    let keys = trials.map { Self.key(Self.space, $0) }
    #expect(Set(keys).count == 36)
    #expect(keys.contains("opt=\"sgd\" layers=4 dropout=0.5"))
    // Not in the space's order, and another seed gives another order of the same points.
    let plain = try GridSampler.points(of: Self.space).map { Self.key(Self.space, TrialRecord(number: 0, state: .running, params: $0)) }
    #expect(keys != plain)
    let other = try Self.run(GridSampler(seed: 4), Self.space, Array(0..<36)).map { Self.key(Self.space, $0) }
    #expect(other != keys && Set(other) == Set(keys))
    #expect(throws: SweepError("the grid's 36 points are all taken: trial 36 has none left")) {
      try sampler.sample(space: Self.space, trials: trials, number: 36)
    }
  }

  @Test func resumesAndToleratesTrialsOutOfOrder() throws {
    let sampler = GridSampler(seed: 3)
    let first = try Self.run(sampler, Self.space, [0, 1, 2, 5, 4, 3, 9])
    // A rerun (a new sampler, the same seed) continues; numbers arrive out of order.
    let all = try Self.run(GridSampler(seed: 3), Self.space, [7, 6, 8] + Array(10..<36), history: first)
    #expect(Set(all.map { Self.key(Self.space, $0) }).count == 36)
    // Trials made in order take the points of the order by their numbers.
    let order = try sampler.order(of: Self.space)
    #expect(first.prefix(3).map(\.params) == Array(order.prefix(3)))
  }

  @Test func conditionalParametersVaryOnlyWhereActive() throws {
    let space = SearchSpace(parameters: [
      SweepParameter(key: "opt", distribution: .choice([.string("adam"), .string("sgd")])),
      SweepParameter(key: "momentum", distribution: .uniform(low: 0, high: 0.9, step: 0.45),
                     condition: .init(key: "opt", values: [.string("sgd")])),
      SweepParameter(key: "lr", distribution: .choice([.number(0.1), .number(0.01)])),
    ], objective: "loss", direction: .minimize)
    let sampler = GridSampler(seed: 1)
    #expect(sampler.capacity(space: space) == 8)
    let keys = try Self.run(sampler, space, Array(0..<8)).map { Self.key(space, $0) }
    #expect(Set(keys) == [
      "opt=\"adam\" lr=0.1", "opt=\"adam\" lr=0.01",
      "opt=\"sgd\" momentum=0.0 lr=0.1", "opt=\"sgd\" momentum=0.45 lr=0.1", "opt=\"sgd\" momentum=0.9 lr=0.1",
      "opt=\"sgd\" momentum=0.0 lr=0.01", "opt=\"sgd\" momentum=0.45 lr=0.01", "opt=\"sgd\" momentum=0.9 lr=0.01",
    ])
  }

  @Test func continuousParametersAreRefused() throws {
    let space = SearchSpace(parameters: [
      SweepParameter(key: "layers", distribution: .integer(low: 1, high: 4, step: 1, log: false)),
      SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 0.1)),
    ], objective: "loss", direction: .minimize)
    #expect(GridSampler(seed: 0).capacity(space: space) == nil)
    #expect(throws: SweepError("sweep parameter 'lr': grid needs finite values: give uniform a step, or use choice (got loguniform(0.0001, 0.1))")) {
      try GridSampler(seed: 0).sample(space: space, trials: [], number: 0)
    }
    #expect(try Samplers.named("grid", seed: 0).name == "grid")
  }
}
