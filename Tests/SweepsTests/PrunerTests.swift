import Foundation
import Testing
@testable import Sweeps

@Suite struct PrunerTests {
  /// The value trial i reports at a step: a decreasing curve, shifted per trial.
  static func curve(_ i: Int, _ step: Int) -> Double {
    1.0 + Double((i * 37) % 11) / 10.0 + 2.0 / Double(step + 1) + 0.05 * Double((i * step) % 3)
  }

  /// Runs trials one after another, each reporting at steps 0..<steps and asking the pruner after
  /// every report; the step each trial stopped at (nil: it completed).
  static func simulate(_ pruner: Pruner, _ direction: Direction, trials count: Int = 30, steps: Int = 20) -> [Int?] {
    var history: [TrialRecord] = []
    var stops: [Int?] = []
    for i in 0..<count {
      var trial = TrialRecord(number: i, state: .running, params: [:])
      var stop: Int? = nil
      for s in 0..<steps {
        trial.intermediate[s] = curve(i, s)
        if pruner.shouldPrune(trial: trial, step: s, trials: history + [trial], direction: direction) {
          stop = s
          break
        }
      }
      trial.state = stop == nil ? .complete : .pruned
      trial.value = trial.intermediate[trial.lastStep!]
      history.append(trial)
      stops.append(stop)
    }
    return stops
  }

  static func oracle(_ key: String) throws -> [Int?] {
    let pruners = try #require(OptunaOracle.values["pruners"] as? [String: [Any]])
    return try #require(pruners[key]).map { $0 as? Int }
  }

  @Test(arguments: Direction.allCases)
  func medianPrunerDecidesAsOptuna(direction: Direction) throws {
    let stops = Self.simulate(MedianPruner(), direction)
    #expect(stops == (try Self.oracle("median_\(direction.rawValue)")))
    #expect(stops.contains { $0 != nil } && stops.contains(nil))
  }

  @Test(arguments: Direction.allCases)
  func successiveHalvingDecidesAsOptuna(direction: Direction) throws {
    let stops = Self.simulate(SuccessiveHalvingPruner(minResource: 1), direction)
    #expect(stops == (try Self.oracle("asha1_\(direction.rawValue)")))
    #expect(stops.contains(4))
    // With the minimum resource estimated (here 1, from 20 steps), the rungs hold the values of
    // every trial that reached them, also the first trial's, which ran before any trial completed
    // (Optuna leaves those out: it notes a rung's value only once it has its estimate). So the
    // decisions are those of a minimum resource of 1 from the second trial on; where the first
    // trial's values change nothing, they are Optuna's.
    let estimated = Self.simulate(SuccessiveHalvingPruner(), direction)
    #expect(estimated.dropFirst() == stops.dropFirst())
    if direction == .maximize { #expect(estimated == (try Self.oracle("asha_maximize"))) }
  }

  @Test func medianByHand() {
    let done = (0..<5).map { i in
      TrialRecord(number: i, state: .complete, params: [:], value: 0, intermediate: [0: Double(i), 1: Double(10 + i)])
    }
    let pruner = MedianPruner()
    // Step 0: the median of 0...4 is 2; a best of 2.5 is worse when minimising, better when maximising.
    var t = TrialRecord(number: 5, state: .running, params: [:], intermediate: [0: 2.5])
    #expect(pruner.shouldPrune(trial: t, step: 0, trials: done + [t], direction: .minimize))
    #expect(!pruner.shouldPrune(trial: t, step: 0, trials: done + [t], direction: .maximize))
    // Step 1: the median is 12 and the trial's best so far (2.5) counts, not its value at step 1.
    t.intermediate[1] = 20
    #expect(!pruner.shouldPrune(trial: t, step: 1, trials: done + [t], direction: .minimize))
    // Fewer than 5 completed trials: never.
    #expect(!pruner.shouldPrune(trial: t, step: 0, trials: Array(done.prefix(4)) + [t], direction: .minimize))
    // Pruned trials do not make the median.
    let pruned = (6..<20).map { TrialRecord(number: $0, state: .pruned, params: [:], intermediate: [0: 100]) }
    let u = TrialRecord(number: 20, state: .running, params: [:], intermediate: [0: 2.5])
    #expect(pruner.shouldPrune(trial: u, step: 0, trials: done + pruned + [u], direction: .minimize))
    #expect(MedianPruner.percentile([4, 1, 3, 2], 50) == 2.5)
  }

  @Test func successiveHalvingByHand() {
    // min resource 1, factor 4: rungs at steps 1, 4, 16. Eight trials reached rung 0 with 1...8.
    let others = (0..<8).map { i in
      TrialRecord(number: i, state: .complete, params: [:], value: 0, intermediate: [0: 9, 1: Double(i + 1), 2: 0])
    }
    let pruner = SuccessiveHalvingPruner(minResource: 1)
    func at1(_ v: Double) -> TrialRecord { TrialRecord(number: 8, state: .running, params: [:], intermediate: [0: 9, 1: v]) }
    // With itself, 9 values: the best 9/4 = 2 go on, so the second best (2) is the bar.
    #expect(!pruner.shouldPrune(trial: at1(2), step: 1, trials: others + [at1(2)], direction: .minimize))
    #expect(pruner.shouldPrune(trial: at1(2.5), step: 1, trials: others + [at1(2.5)], direction: .minimize))
    #expect(!pruner.shouldPrune(trial: at1(7.5), step: 1, trials: others + [at1(7.5)], direction: .maximize))
    #expect(pruner.shouldPrune(trial: at1(6.5), step: 1, trials: others + [at1(6.5)], direction: .maximize))
    // Between rungs nothing is decided; a NaN at a rung stops the trial.
    var t = at1(1)
    t.intermediate[2] = 100
    #expect(!pruner.shouldPrune(trial: t, step: 2, trials: others + [t], direction: .minimize))
    #expect(pruner.shouldPrune(trial: at1(.nan), step: 1, trials: others + [at1(.nan)], direction: .minimize))
    // With the estimated minimum resource, nothing is pruned before a trial completes.
    let running = others.map { var r = $0; r.state = .running; return r }
    #expect(!SuccessiveHalvingPruner().shouldPrune(trial: at1(100), step: 1, trials: running + [at1(100)], direction: .minimize))
    #expect(SuccessiveHalvingPruner.estimatedMinResource([TrialRecord(number: 0, state: .complete, params: [:], intermediate: [450: 1])]) == 4)
  }

  @Test func prunersAreNamed() throws {
    #expect(try Pruners.named("median")?.name == "median")
    #expect(try Pruners.named("asha")?.name == "asha")
    #expect(try Pruners.named("none") == nil)
    #expect(throws: SweepError("unknown pruner 'medain' (did you mean 'median'?); pruners are: none, median, asha")) {
      try Pruners.named("medain")
    }
  }
}
