import Foundation
import Sweeps
import Testing
@testable import crescent

/// The reporter a trial's run gets: values go to the study's store, the pruner decides.
@Suite struct StudyTrialReporterTests {
  /// Prunes every trial from `step` on, and keeps what it was shown.
  final class StepPruner: Pruner, @unchecked Sendable {
    let from: Int
    var seen: [(trial: Int, step: Int, intermediate: [Int: Double], count: Int)] = []
    init(from: Int) { self.from = from }
    var name: String { "step" }
    func shouldPrune(trial: TrialRecord, step: Int, trials: [TrialRecord], direction: Direction) -> Bool {
      seen.append((trial.number, step, trial.intermediate, trials.count))
      return step >= from
    }
  }

  @Test func reportsAreStoredAndThePrunerSeesThemWithEveryTrial() throws {
    let store = MemoryStudyStore()
    let spec = StudySpec(name: "s", experiment: "e", script: "e.lua", with: [],
                         space: SearchSpace(parameters: [SweepParameter(key: "x", distribution: .uniform(low: 0, high: 1, step: nil))],
                                            objective: "loss", direction: .minimize),
                         sampler: "random", pruner: "step", seed: 1)
    let study = try store.open(spec)
    _ = try store.claim(study: study.id, worker: "w", target: 2, staleAfter: 30) { _, _ in ["x": 0.1] }
    let trial = try #require(try store.claim(study: study.id, worker: "w", target: 2, staleAfter: 30) { _, _ in ["x": 0.2] })
    let pruner = StepPruner(from: 3)
    let reporter = StudyTrialReporter(store: store, study: study.id, number: trial.number, objective: "loss", direction: .minimize, pruner: pruner)
    #expect(try reporter.report(step: 1, value: 0.5) == false)
    #expect(try reporter.report(step: 2, value: 0.4) == false)
    #expect(reporter.prunedAt == nil)
    #expect(try reporter.report(step: 3, value: 0.45) == true)
    #expect(reporter.prunedAt == 3)
    // Once pruned, it stays pruned and stores nothing more.
    #expect(try reporter.report(step: 4, value: 0.1) == true)
    #expect(reporter.prunedAt == 3)
    #expect(try store.trials(study: study.id)[1].intermediate == [1: 0.5, 2: 0.4, 3: 0.45])
    #expect(pruner.seen.map(\.step) == [1, 2, 3])
    #expect(pruner.seen.last?.intermediate == [1: 0.5, 2: 0.4, 3: 0.45])
    #expect(pruner.seen.allSatisfy { $0.trial == 1 && $0.count == 2 })
    #expect(reporter.last?.step == 3 && reporter.last?.value == 0.45)
  }
}
