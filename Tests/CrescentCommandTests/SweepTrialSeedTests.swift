import Experiments
import Foundation
import RunStore
import Sweeps
import Testing
@testable import crescent

/// A trial's run takes the seed its study derives for its number, unless the config, the `with`
/// words or the space fix it; the trial's run repeats with its parameters and that seed.
@Suite(.serialized) struct SweepTrialSeedTests {
  @Test func trialsRunWithTheirStudysSeedsAndARunWithThoseRepeatsTheTrial() throws {
    let s = try SweepWorkerTests.Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let (study, _) = try s.work("seeded", with: ["mode=random"], target: 3)
    let runs = try RunStore(path: s.storePath)
    let trials = try s.store.trials(study: study.id)
    let seeds = try trials.map { t in
      let id = try #require(t.runID)
      return try #require(try runs.run(id: id)).seed
    }
    #expect(seeds == (0..<3).map { Optional(study.spec.trialSeed($0)) })
    #expect(Set(seeds).count == 3)
    // Trial 1 again, as `crescent run quad.lua with mode=random x=<its x> seed=<its seed>`.
    let t = trials[1]
    var options = try RunOptions.parse([])
    options.store = s.storePath
    options.runsDir = s.folder.appendingPathComponent("runs").path
    var again = RunExecution(script: s.scriptPath, options: options)
    again.with = try WithArguments(["mode=random", "x=\(t.params["x"]!)", "seed=\(seeds[1]!)"])
    again.echo = false
    let outcome = try again.execute()
    #expect(outcome.status == .completed)
    #expect(try TrialObjective.value(of: outcome.run, objective: "loss").get() == t.value)
    // Without the trial's seed, the run draws another value (the objective depends on the seed).
    var other = again
    other.with = try WithArguments(["mode=random", "x=\(t.params["x"]!)", "seed=\(seeds[0]!)"])
    #expect(try TrialObjective.value(of: try other.execute().run, objective: "loss").get() != t.value)
  }

  /// A seed the config declares, or `seed=` among the study's `with` words, is every trial's.
  @Test func aSeedTheConfigOrTheWithWordsFixIsKept() throws {
    let s = try SweepWorkerTests.Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let fixed = s.folder.appendingPathComponent("fixed.lua").path
    try SweepWorkerTests.script.replacingOccurrences(of: #"mode = "result" }"#, with: #"mode = "result", seed = 42 }"#)
      .write(toFile: fixed, atomically: true, encoding: .utf8)
    let runs = try RunStore(path: s.storePath)
    let (declared, _) = try s.work("declared", with: [], target: 2, script: fixed)
    let (given, _) = try s.work("given", with: ["seed=9"], target: 2)
    for (study, seed) in [(declared, UInt64(42)), (given, 9)] {
      for t in try s.store.trials(study: study.id) {
        let id = try #require(t.runID)
        #expect(try runs.run(id: id)?.seed == seed)
      }
    }
  }
}
