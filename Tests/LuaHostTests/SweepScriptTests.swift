import Testing
@testable import LuaHost
import Catalog
import Experiments
import Foundation
import Sweeps

/// A trial that records what the run reports and prunes at a given step.
final class RecordingTrial: TrialReporter {
  let objective: String
  let pruneAt: Int?
  private(set) var reports: [(step: Int, value: Double)] = []
  private(set) var prunedAt: Int?

  init(objective: String, pruneAt: Int? = nil) {
    self.objective = objective
    self.pruneAt = pruneAt
  }

  func report(step: Int, value: Double) throws -> Bool {
    reports.append((step, value))
    if let pruneAt, step >= pruneAt { prunedAt = step; return true }
    return false
  }
}

@Suite(.serialized) struct SweepScriptTests {
  /// Runs `source` as `s.lua`, then its experiment with `trial` in the session.
  func runExperiment(_ source: String, trial: TrialReporter?, with words: [String] = []) throws -> (output: String, run: Run?, error: ScriptError?) {
    let out = Captured()
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    let state = LuaState(options: options)
    state.session.trial = trial
    var runner = ExperimentRunner()
    runner.with = try WithArguments(words)
    runner.runsDirectory = NSTemporaryDirectory()
    var started: Run?
    runner.onRun = { started = $0 }
    do {
      try state.run(source, chunkName: "s.lua")
      _ = try runner.run(state: state, output: { out.text += $0 })
    } catch let e as ScriptError {
      return (out.text, started, e)
    }
    return (out.text, started, nil)
  }

  func declaration(_ source: String) throws -> ExperimentDeclaration? {
    let state = LuaState(options: LuaState.Options())
    try state.run(source, chunkName: "s.lua")
    return try state.experimentDeclaration()
  }

  /// The error running `source` gives (nil when none).
  func failure(_ source: String, with words: [String] = []) -> String? {
    do {
      let r = try runExperiment(source, trial: nil, with: words)
      return r.error?.message
    } catch { return "\(error)" }
  }

  static let header = """
    local ex = experiment "demo"
    ex:config { lr = 0.01, hidden = 256, dropout = 0.2, layers = 2, width = 64, optimizer = "adam", momentum = 0.9, optim = { beta1 = 0.9 } }
    ex:main(function(cfg, run) end)
    """

  @Test func sweepDeclaresTheSearchSpaceInKeyOrder() throws {
    let d = try declaration(SweepScriptTests.header + """

      ex:sweep {
        lr = sweep.loguniform(1e-4, 1e-1), hidden = sweep.choice{128, 256, 512},
        dropout = sweep.uniform(0, 0.5), layers = sweep.int(1, 4), width = sweep.int(16, 1024, {log = true}),
        momentum = sweep.uniform(0, 0.99, {when = {optimizer = "sgd"}}),
        ["optim.beta1"] = sweep.uniform(0.8, 0.99, {step = 0.01}),
        optimizer = sweep.choice{"sgd", "adam"},
        objective = "val_f1_micro", direction = "maximize",
      }
      """)
    let space = try #require(d?.sweep)
    #expect(space.description == """
      dropout=uniform(0.0, 0.5)
      hidden=choice(128, 256, 512)
      layers=int(1, 4)
      lr=loguniform(0.0001, 0.1)
      optim.beta1=uniform(0.8, 0.99, 0.01)
      optimizer=choice("sgd", "adam")
      momentum=uniform(0.0, 0.99) if optimizer="sgd"
      width=logint(16, 1024)
      maximize val_f1_micro
      """)
    #expect(d?.sweepPlace == "s.lua:4")
    try d?.checkSweep(named: [])
  }

  @Test func aScriptWithoutSweepDeclaresNone() throws {
    let d = try declaration(SweepScriptTests.header)
    #expect(d?.sweep == nil)
  }

  @Test(arguments: [
    ("lr = sweep.loguniform(0, 0.1)", "s.lua:4: sweep.loguniform: a log range must be above 0"),
    ("lr = sweep.uniform(0.5, 0.1)", "s.lua:4: sweep.uniform: the range [0.5, 0.1] is inverted"),
    ("lr = sweep.uniform(0.1, 0.1)", "s.lua:4: sweep.uniform: the range [0.1, 0.1] is empty"),
    ("layers = sweep.int(4, 1)", "s.lua:4: sweep.int: the range [4, 1] is inverted"),
    ("width = sweep.int(0, 1024, {log = true})", "s.lua:4: sweep.int: a log range must be above 0"),
    ("width = sweep.int(16, 1024, {log = true, step = 16})", "cannot go with log = true"),
    ("hidden = sweep.choice{}", "s.lua:4: sweep.choice: a choice needs at least one option"),
    ("hidden = sweep.choice{128, 128}", "the option 128 is listed twice"),
    ("lr = 0.1", "s.lua:4: ex:sweep: parameter 'lr' must be a distribution (sweep.uniform, sweep.loguniform, sweep.int or sweep.choice), got a number"),
    ("lr = sweep.uniform(0, 1), direction = 'maximize'", "s.lua:4: ex:sweep has no objective"),
    ("lr = sweep.uniform(0, 1), objective = 'val_loss'", "s.lua:4: ex:sweep: give direction = \"minimize\" or \"maximize\""),
    ("lr = sweep.uniform(0, 1), objective = 'val_loss', direction = 'max'", "s.lua:4: ex:sweep: direction must be \"minimize\" or \"maximize\", got a string \"max\""),
    ("objective = 'val_loss', direction = 'minimize'", "s.lua:4: ex:sweep declares no parameters"),
    ("momentum = sweep.uniform(0, 1, {when = {optimiser = 'sgd'}})", "s.lua:4: sweep parameter 'momentum': its condition names 'optimiser', which is not a parameter of the sweep"),
    ("optimizer = sweep.choice{'sgd', 'adam'}, momentum = sweep.uniform(0, 1, {when = {optimizer = 'rmsprop'}})", "'optimizer' never takes \"rmsprop\""),
    ("[1] = sweep.uniform(0, 1)", "s.lua:4: ex:sweep: every parameter is named by its config key"),
  ])
  func badDeclarationsFailAtTheirLine(body: String, expected: String) throws {
    let full = body.contains("objective") ? body : body + ", objective = 'val_loss', direction = 'minimize'"
    let source = SweepScriptTests.header + "\nex:sweep { \(full) }\n"
    let message = failure(source) ?? "no error"
    #expect(message.contains(expected), "\(message)")
  }

  @Test func sweepTwiceIsAnError() {
    let source = SweepScriptTests.header + """

      ex:sweep { lr = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
      ex:sweep { lr = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
      """
    #expect(failure(source)?.hasPrefix("s.lua:5: ex:sweep was already given") == true)
  }

  @Test func anUnknownKeyNamesTheNearestAndTheScriptBeforeMainRuns() {
    let source = """
      local ex = experiment "demo"
      ex:config { lr = 0.01, optim = { beta1 = 0.9 } }
      ex:sweep { lrr = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
      ex:main(function(cfg, run) print("main ran") end)
      """
    let message = failure(source) ?? "no error"
    #expect(message.hasPrefix("s.lua:3: sweep parameter 'lrr' is not a key of the experiment's config (did you mean 'lr'?)"), "\(message)")
    let nested = failure(source.replacingOccurrences(of: "lrr =", with: "[\"optim.beta2\"] ="))
    #expect(nested?.contains("(did you mean 'optim.beta1'?)") == true, "\(nested ?? "")")
    #expect(failure(source.replacingOccurrences(of: "lrr =", with: "[\"optim.beta1\"] =")) == nil)
  }

  @Test func aNamedConfigsKeysCanBeSearched() {
    let source = """
      local ex = experiment "demo"
      ex:config { lr = 0.01 }
      ex:named_config("big", { width = 512 })
      ex:sweep { width = sweep.int(16, 1024), objective = "loss", direction = "minimize" }
      ex:main(function(cfg, run) end)
      """
    #expect(failure(source)?.contains("sweep parameter 'width' is not a key") == true)
    #expect(failure(source, with: ["big"]) == nil)
  }

  @Test func theSpaceCannotBeChangedAfterTheDeclaration() throws {
    let d = try declaration(SweepScriptTests.header + """

      local space = { lr = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
      ex:sweep(space)
      space.hidden = sweep.choice{1, 2}
      space.objective = "other"
      """)
    #expect(d?.sweep?.description == "lr=uniform(0.0, 1.0)\nminimize loss")
  }

  @Test func choicesTakeListsAndDistributionsShowAsText() throws {
    let out = runScript("""
      print(sweep.choice{{512, 256}, {128}, true, "x"}.text)
      print(tostring(sweep.uniform(0, 1, {when = {opt = {"a", "b"}}})))
      print(sweep.int(8, 64, {step = 8}).text)
      """)
    #expect(out.error == nil, "\(out.error?.message ?? "")")
    #expect(out.output == "choice({512, 256}, {128}, true, \"x\")\nDistribution(uniform(0.0, 1.0) if opt={\"a\", \"b\"})\nint(8, 64, 8)\n")
  }

  // MARK: - run:report

  static let reportScript = """
    local ex = experiment "demo"
    ex:config { lr = 0.01 }
    ex:main(function(cfg, run)
      for epoch = 1, 5 do
        run:report(epoch, 1 / epoch)
        print("epoch", epoch)
      end
      return { done = true }
    end)
    """

  @Test func reportOutsideASweepLogsTheObjective() throws {
    let r = try runExperiment(SweepScriptTests.reportScript, trial: nil)
    #expect(r.error == nil)
    #expect(r.run?.series["objective"]?.map(\.step) == [1, 2, 3, 4, 5])
    #expect(r.run?.series["objective"]?.last?.value == 0.2)
    #expect(r.run?.status == .completed)
  }

  @Test func reportInATrialStopsTheRunWhenPruned() throws {
    let trial = RecordingTrial(objective: "val_f1_micro", pruneAt: 3)
    let r = try runExperiment(SweepScriptTests.reportScript, trial: trial)
    #expect(trial.reports.map(\.step) == [1, 2, 3])
    #expect(trial.reports.map(\.value) == [1, 0.5, 1.0 / 3])
    #expect(r.output.contains("epoch\t2\n"))
    #expect(!r.output.contains("epoch\t3\n"))
    let e = try #require(r.error)
    #expect(e.kind == .pruned)
    #expect(e.message == "s.lua:5: trial pruned at step 3")
    #expect(r.run?.status == .pruned)
    // The value that pruned it is recorded too.
    #expect(r.run?.series["objective"]?.map(\.step) == [1, 2, 3])
  }

  @Test func reportInATrialThatIsNotPrunedRunsToTheEnd() throws {
    let trial = RecordingTrial(objective: "val_f1_micro")
    let r = try runExperiment(SweepScriptTests.reportScript, trial: trial)
    #expect(r.error == nil)
    #expect(trial.reports.count == 5)
    #expect(r.run?.status == .completed)
  }

  @Test(arguments: [
    ("run:report(-1, 0.5)", "argument 1 ('step') expects a non-negative integer"),
    ("run:report(1.5, 0.5)", "argument 1 ('step')"),
    ("run:report(1, 0/0)", "argument 2 ('value') expects a finite number, got nan"),
    ("run:report(1, math.huge)", "argument 2 ('value') expects a finite number, got inf"),
    ("run:report(1, 'x')", "argument 2 ('value')"),
  ])
  func reportChecksItsArguments(call: String, expected: String) throws {
    let source = "local ex = experiment 'e'\nex:main(function(cfg, run)\n\(call)\nend)"
    let r = try runExperiment(source, trial: RecordingTrial(objective: "v"))
    let e = try #require(r.error)
    #expect(e.kind == .runtime)
    #expect(e.message.hasPrefix("s.lua:3: "), "\(e.message)")
    #expect(e.message.contains(expected), "\(e.message)")
  }

  @Test func pcallCannotSwallowThePruning() throws {
    let source = """
      local ex = experiment "demo"
      ex:main(function(cfg, run)
        local ok, err = pcall(run.report, run, 1, 0.5)
        print("caught", ok, err)
        local ok2 = pcall(function() for i = 1, 10 do end end)
        print("went on")
        local co = coroutine.wrap(function() run:report(2, 0.5) end)
        pcall(co)
        print("went on after the coroutine")
        return 1
      end)
      """
    let trial = RecordingTrial(objective: "v", pruneAt: 1)
    let r = try runExperiment(source, trial: trial)
    #expect(!r.output.contains("caught"))
    #expect(!r.output.contains("went on"))
    let e = try #require(r.error)
    #expect(e.kind == .pruned)
    #expect(e.message.hasSuffix("trial pruned at step 1"), "\(e.message)")
    #expect(trial.reports.count == 1)
    #expect(r.run?.status == .pruned)
  }

  @Test func prunedInACoroutineStopsItsCaller() throws {
    let source = """
      local ex = experiment "demo"
      ex:main(function(cfg, run)
        local co = coroutine.create(function() run:report(1, 0.5) end)
        local ok, err = coroutine.resume(co)
        print("resumed", ok)
        return 1
      end)
      """
    let r = try runExperiment(source, trial: RecordingTrial(objective: "v", pruneAt: 1))
    #expect(!r.output.contains("resumed"))
    #expect(r.error?.kind == .pruned)
  }

  @Test func xpcallHandlersDoNotRunOncePruned() throws {
    let source = """
      local ex = experiment "demo"
      ex:main(function(cfg, run)
        xpcall(function() run:report(1, 0.5) end, function(m) print("handler ran"); return m end)
        print("went on")
      end)
      """
    let r = try runExperiment(source, trial: RecordingTrial(objective: "v", pruneAt: 1))
    #expect(!r.output.contains("handler ran"))
    #expect(!r.output.contains("went on"))
    #expect(r.error?.kind == .pruned)
  }

  // MARK: - fit

  static func fitScript(prefix: String = "nil", epochs: Int = 5) -> String {
    """
    local ex = experiment "demo"
    ex:main(function(cfg, run)
      local x = tensor.randn(40, 3, {seed = 1})
      local y = x:matmul(tensor.randn(3, 2, {seed = 2})):gt(0)
      local m = nn.Sequential{ input_dim = 3, seed = 5, nn.Dense(2, {activation = "sigmoid"}) }
      m:compile{ optimizer = optim.SGD{lr = 0.5}, loss = "binary_crossentropy" }
      local ok, err = pcall(function()
        return m:fit(x, y, { epochs = \(epochs), verbose = 0, validation_split = 0.25, log_prefix = \(prefix),
                             callbacks = { { on_epoch_end = function(epoch) print("epoch end", epoch) end } } })
      end)
      print("after fit", ok)
      return 1
    end)
    """
  }

  @Test func fitReportsEachEpochsObjectiveAndStopsWhenPruned() throws {
    let trial = RecordingTrial(objective: "val_loss", pruneAt: 2)
    let r = try runExperiment(SweepScriptTests.fitScript(), trial: trial)
    #expect(trial.reports.map(\.step) == [1, 2])
    let logged = try #require(r.run?.series["val_loss"])
    #expect(logged.map(\.step) == [1, 2])
    #expect(trial.reports.map(\.value) == logged.map(\.value))
    // The epoch that pruned it ended (its callbacks ran); no later epoch started.
    #expect(r.output.contains("epoch end\t2\n"))
    #expect(!r.output.contains("epoch end\t3"))
    #expect(!r.output.contains("after fit"))
    let e = try #require(r.error)
    #expect(e.kind == .pruned)
    #expect(e.message == "s.lua:8: trial pruned at step 2", "\(e.message)")
    #expect(r.run?.status == .pruned)
  }

  @Test func fitReportsUnderItsLogPrefix() throws {
    let trial = RecordingTrial(objective: "fold1/val_loss")
    let r = try runExperiment(SweepScriptTests.fitScript(prefix: "\"fold1/\"", epochs: 3), trial: trial)
    #expect(r.error == nil)
    #expect(trial.reports.map(\.step) == [1, 2, 3])
    #expect(trial.reports.map(\.value) == r.run?.series["fold1/val_loss"]?.map(\.value))
    // The unprefixed name is another fit's series: not reported.
    let other = RecordingTrial(objective: "val_loss")
    #expect(try runExperiment(SweepScriptTests.fitScript(prefix: "\"fold1/\"", epochs: 3), trial: other).error == nil)
    #expect(other.reports.isEmpty)
  }

  @Test func fitWithoutTheObjectiveReportsNothing() throws {
    let trial = RecordingTrial(objective: "val_f1_micro", pruneAt: 1)
    let r = try runExperiment(SweepScriptTests.fitScript(epochs: 2), trial: trial)
    #expect(r.error == nil)
    #expect(trial.reports.isEmpty)
    #expect(r.output.contains("after fit\ttrue"))
  }
}
