import Catalog
import Foundation
import RunStore
import Sweeps
import Testing
@testable import crescent

/// A sweep's worker in one process: trials are recorded runs of the script with the trial's
/// parameters as overrides, their objective value read from what the run logged or returned.
@Suite(.serialized) struct SweepWorkerTests {
  static let script = """
    local ex = experiment "quad"
    ex:config { x = 0.5, mode = "result" }
    ex:main(function(cfg, run)
      if cfg.mode == "log" then run:log("loss", 99); run:log("loss", (cfg.x - 0.3)^2); return { loss = -1 } end
      if cfg.mode == "none" then return { other = 1 } end
      if cfg.mode == "error" then error("broken on purpose") end
      if cfg.mode == "random" then return { loss = cfg.x + tensor.randn(1):sum():item() } end
      if cfg.mode == "report" then
        for step = 1, 10 do pcall(run.report, run, step, cfg.x + 1 / step) end
        return { loss = cfg.x }
      end
      return { loss = (cfg.x - 0.3)^2 }
    end)
    """

  /// A folder with the script, the run store and the runs; removed by the caller.
  struct Setup {
    let folder: URL
    let store = MemoryStudyStore()
    var scriptPath: String { folder.appendingPathComponent("quad.lua").path }
    var storePath: String { folder.appendingPathComponent("crescent.db").path }

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-sweep-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try SweepWorkerTests.script.write(toFile: folder.appendingPathComponent("quad.lua").path, atomically: true, encoding: .utf8)
    }

    func spec(_ name: String, with: [String], script: String? = nil) -> StudySpec {
      StudySpec(name: name, experiment: "quad", script: script ?? scriptPath, with: with,
                space: SearchSpace(parameters: [SweepParameter(key: "x", distribution: .uniform(low: 0, high: 1, step: nil))],
                                   objective: "loss", direction: .minimize),
                sampler: "random", pruner: "none", seed: 11)
    }

    /// Runs a worker over study `name` until it has `target` finished trials.
    func work(_ name: String, with: [String], target: Int, timing: SweepTiming = SweepTiming(), pruner: Pruner? = nil,
              script: String? = nil) throws -> (StudyInfo, [(TrialRecord, TrialFailure?)]) {
      let serialized = SerializedStudyStore(store)
      let study = try serialized.open(spec(name, with: with, script: script))
      var options = try RunOptions.parse([])
      options.store = storePath
      options.runsDir = folder.appendingPathComponent("runs").path
      let worker = SweepWorker(store: serialized, study: study, sampler: RandomSampler(seed: 11), pruner: pruner, target: target, timing: timing) { binding in
        try Sweep.runTrial(binding, spec: study.spec, options: options, catalog: nil)
      }
      var finished: [(TrialRecord, TrialFailure?)] = []
      worker.onFinished = { finished.append(($0, $1)) }
      #expect(try worker.work() == .studyDone)
      return (study, finished)
    }
  }

  @Test func trialsAreRecordedRunsWithTheirParametersAndTheResultsObjective() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let (study, finished) = try s.work("q", with: [], target: 3)
    let trials = try s.store.trials(study: study.id)
    #expect(trials.map(\.number) == [0, 1, 2])
    #expect(finished.map(\.0.number) == [0, 1, 2])
    let runs = try RunStore(path: s.storePath)
    for t in trials {
      let x = try #require(t.params["x"])
      #expect(t.state == .complete)
      #expect(t.value == (x - 0.3) * (x - 0.3))
      let id = try #require(t.runID)
      let run = try #require(try runs.run(id: id))
      #expect(run.status == .completed)
      // The run's config holds the trial's parameter, bit for bit.
      #expect(FlatJSON.flatten(run.configJSON).contains { $0.key == "x" && $0.value.text == "\(x)" })
    }
  }

  @Test func theLastLoggedValueComesBeforeTheResult() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let (study, _) = try s.work("log", with: ["mode=log"], target: 2)
    for t in try s.store.trials(study: study.id) {
      let x = try #require(t.params["x"])
      #expect(t.state == .complete)
      #expect(t.value == (x - 0.3) * (x - 0.3))
    }
  }

  @Test func aRunWithoutTheObjectiveOrWithAnErrorFailsItsTrialWithTheReason() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let (none, noneFinished) = try s.work("none", with: ["mode=none"], target: 2)
    #expect(try s.store.trials(study: none.id).map(\.state) == [.failed, .failed])
    #expect(noneFinished.first?.1?.message == "the run logged no 'loss' and its result has no key 'loss'")
    let (broken, brokenFinished) = try s.work("error", with: ["mode=error"], target: 2)
    #expect(try s.store.trials(study: broken.id).map(\.state) == [.failed, .failed])
    #expect(brokenFinished.first?.1?.message.hasSuffix("broken on purpose") == true)
    let runs = try RunStore(path: s.storePath)
    let id = try #require(try s.store.trials(study: broken.id)[0].runID)
    let run = try #require(try runs.run(id: id))
    #expect(run.status == .failed)
  }

  @Test func aTrialWhoseWorkerDiedIsRunAgainOnceItsHeartbeatIsStale() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let study = try s.store.open(s.spec("dead", with: []))
    // A worker claimed trial 0, then died: its heartbeat stopped 2 s ago.
    let orphan = try #require(try s.store.claim(study: study.id, worker: "gone:1", target: 2, staleAfter: 1) { _, _ in ["x": 0.75] })
    s.store.age(study: study.id, trial: orphan.number, by: 2)
    var timing = SweepTiming()
    timing.heartbeat = 0.1
    timing.staleAfter = 1
    _ = try s.work("dead", with: [], target: 2, timing: timing)
    let trials = try s.store.trials(study: study.id)
    #expect(trials.map(\.state) == [.complete, .complete])
    #expect(trials[0].value == (0.75 - 0.3) * (0.75 - 0.3))
    #expect(trials[0].worker != "gone:1")
  }

  /// Prunes trial 1 at step 3.
  struct SecondTrialPruner: Pruner {
    var name: String { "second" }
    func shouldPrune(trial: TrialRecord, step: Int, trials: [TrialRecord], direction: Direction) -> Bool {
      trial.number == 1 && step >= 3
    }
  }

  @Test func aPrunedRunEndsPrunedAndItsTrialKeepsTheStepItReachedAndItsLastValue() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let (study, finished) = try s.work("pruned", with: ["mode=report"], target: 2, pruner: SecondTrialPruner())
    let trials = try s.store.trials(study: study.id)
    #expect(trials.map(\.state) == [.complete, .pruned])
    let x1 = try #require(trials[1].params["x"])
    #expect(trials[1].value == x1 + 1.0 / 3)
    #expect(trials[1].lastStep == 3)
    #expect(trials[0].intermediate.count == 10)
    #expect(finished.map(\.0.state) == [.complete, .pruned])
    let runs = try RunStore(path: s.storePath)
    let id = try #require(trials[1].runID)
    let run = try #require(try runs.run(id: id))
    #expect(run.status == .pruned)
    #expect(run.study == "pruned" && run.trial == 1)
    let firstID = try #require(trials[0].runID)
    let first = try #require(try runs.run(id: firstID))
    #expect(first.status == .completed && first.study == "pruned" && first.trial == 0)
  }

  /// A run stopped by Ctrl-C or SIGTERM: the worker gives its trial back to the queue at once
  /// and stops; the next worker claims it with its parameters (no heartbeat has to go stale).
  @Test func anInterruptedRunGivesItsTrialBackAtOnce() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.folder) }
    let serialized = SerializedStudyStore(s.store)
    let study = try serialized.open(s.spec("stopped", with: []))
    var ran: [Int] = []
    let worker = SweepWorker(store: serialized, study: study, sampler: RandomSampler(seed: 11), pruner: nil, target: 2, timing: SweepTiming()) { binding in
      ran.append(binding.number)
      return RunExecution.Outcome(status: .interrupted, exitCode: 130, runID: "run-stopped", run: nil, error: "interrupted")
    }
    var released: [Int] = []
    worker.onReleased = { released.append($0.number) }
    #expect(try worker.work() == .interrupted)
    #expect(ran == [0] && released == [0] && s.store.releases == [0] && s.store.finishes.isEmpty)
    let waiting = try s.store.trials(study: study.id)
    #expect(waiting.map(\.state) == [.waiting] && waiting[0].worker == nil)
    // The same study run again: trial 0 first, with its parameters, then trial 1.
    let (_, finished) = try s.work("stopped", with: [], target: 2)
    #expect(finished.map(\.0.number) == [0, 1])
    #expect(try s.store.trials(study: study.id)[0].params == waiting[0].params)
  }
}
