import Testing
@testable import LuaHost
import Catalog
import Experiments
import Foundation

@Suite(.serialized) struct ExperimentHostTests {
  func state(_ out: Captured, maxMemory: Int? = nil) -> LuaState {
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    options.maxMemory = maxMemory
    return LuaState(options: options)
  }

  @Test func literalsParseAsLuaValues() throws {
    let s = state(Captured())
    #expect(ConfigPrinter.literal(try s.parseLiteral("3e-4", for: "lr")) == "0.0003")
    #expect(ConfigPrinter.literal(try s.parseLiteral("{512, 256}", for: "hidden")) == "{512, 256}")
    #expect(ConfigPrinter.literal(try s.parseLiteral("yeast", for: "dataset")) == "\"yeast\"")
    #expect(ConfigPrinter.literal(try s.parseLiteral("'a b'", for: "x")) == "\"a b\"")
    #expect(ConfigPrinter.literal(try s.parseLiteral("true", for: "x")) == "true")
    #expect(throws: ConfigError.self) { try s.parseLiteral("{1,", for: "hidden") }
  }

  @Test func experimentRunsMainWithTheFinalConfig() throws {
    let out = Captured()
    let s = state(out)
    try s.run("""
      local mlp = ingredient "mlp"
      mlp:config { units = {8} }
      local ex = experiment { "demo", ingredients = { mlp } }
      ex:config { lr = 0.1, optim = { beta1 = 0.9 } }
      ex:config(function(c) c.total = c.lr * 10 end)
      ex:named_config("small", { lr = 0.01 })
      ex:main(function(cfg, run)
        run:log("loss", 1.5)
        run:log("loss", 0.5)
        print(cfg.lr, cfg.optim.beta1, cfg.mlp.units[1], cfg.total, run.seed, run.config.lr)
        return { score = cfg.total }
      end)
      """, chunkName: "demo.lua")
    var runner = ExperimentRunner()
    runner.with = try WithArguments(["small", "optim.beta1=0.8", "mlp.units={4}", "seed=5"])
    runner.runsDirectory = NSTemporaryDirectory()
    guard case .completed(let run) = try runner.run(state: s, output: { out.text += $0 }) else {
      Issue.record("the experiment did not run"); return
    }
    #expect(out.text.contains("experiment demo, seed 5\n0.01\t0.8\t4\t0.1\t5\t0.01\n"))
    #expect(run.series["loss"]?.count == 2)
    #expect(out.text.contains("result:\n  score  0.1000\n"))
  }

  @Test func printConfigMarksChangesAndUnknownKeysAreErrors() throws {
    let s = state(Captured())
    try s.run("local ex = experiment 'e'; ex:config{ lr = 1, seed = 3 }; ex:main(function() end)", chunkName: "e.lua")
    var runner = ExperimentRunner()
    runner.printConfig = true
    runner.with = try WithArguments(["lr=2"])
    guard case .printedConfig(let text) = try runner.run(state: s, output: { _ in }) else { Issue.record("no config"); return }
    #expect(text.contains("lr = 2   -- changed"))
    runner.with = try WithArguments(["lx=2"])
    #expect(throws: ConfigError.self) { try runner.run(state: s, output: { _ in }) }
  }

  @Test func memoryLimitStopsTheScript() {
    let s = state(Captured(), maxMemory: 4 << 20)
    do {
      try s.run("local t = {} for i = 1, 1e7 do t[i] = string.rep('x', 64) .. i end", chunkName: "m.lua")
      Issue.record("the limit did not stop the script")
    } catch let e as ScriptError {
      #expect(e.kind == .memory)
      #expect(e.message.contains("limit of 4194304 bytes"))
    } catch { Issue.record("\(error)") }
  }
}
