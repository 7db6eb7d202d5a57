import Testing
@testable import LuaHost
import Catalog
import Experiments
import Foundation
import StandardLibrary

/// Every error a script sees names the script's file:line; pcall gets one line.
@Suite(.serialized) struct ErrorPlaceTests {
  @Test func declarationErrorsPointAtTheScript() {
    let r = runScript("""
      local a = experiment "a"
      print(pcall(function() experiment "b" end))
      print(pcall(function() experiment "" end))
      print(pcall(function() a:config(5) end))
      print(pcall(function() a:add_ingredient(5) end))
      print(pcall(function() experiment{"c", ingredients = {5}} end))
      print(pcall(function() ingredient "a b" end))
      local b = experiment "b"
      """)
    #expect(r.output == """
      false\ttest.lua:2: a script declares one experiment; 'a' was declared already
      false\ttest.lua:3: experiment expects a name: experiment "name" or experiment{"name", ingredients = {...}}
      false\ttest.lua:4: ex:config expects a table of settings or a function, got number
      false\ttest.lua:5: ex:add_ingredient expects an ingredient, got number
      false\ttest.lua:6: a script declares one experiment; 'a' was declared already
      false\ttest.lua:7: ingredient expects a name (a word such as "mlp"), got a b

      """)
    #expect(r.error?.message == "test.lua:8: a script declares one experiment; 'a' was declared already")
  }

  @Test func aDeclarationInsideMainPointsAtMain() throws {
    let out = Captured()
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    let s = LuaState(options: options)
    try s.run("""
      local ex = experiment "a"
      ex:main(function(cfg, run)
        local other = experiment "b"
      end)
      """, chunkName: "m.lua")
    var runner = ExperimentRunner()
    runner.runsDirectory = NSTemporaryDirectory()
    #expect { try runner.run(state: s, output: { out.text += $0 }) } throws: { e in
      (e as? ScriptError)?.message == "m.lua:3: a script declares one experiment; 'a' was declared already"
    }
  }

  @Test func errorsOfLuasOwnFunctionsGetTheScriptsLine() throws {
    // `with hidden=512` where the config had a list: ipairs of a number fails inside Lua's C code.
    let out = Captured()
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    let s = LuaState(options: options)
    try s.run("""
      local ex = experiment "a"
      ex:config{hidden = {64}}
      ex:main(function(cfg, run)
        for _, units in ipairs(cfg.hidden) do print(units) end
      end)
      """, chunkName: "h.lua")
    var runner = ExperimentRunner()
    runner.runsDirectory = NSTemporaryDirectory()
    runner.with = try WithArguments(["hidden=512"])
    #expect { try runner.run(state: s, output: { out.text += $0 }) } throws: { e in
      (e as? ScriptError)?.message.hasPrefix("h.lua:4: attempt to index a number value") == true
    }
  }

  @Test func callbackErrorsReachPcallAsOneLine() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      local function boom() error("boom") end
      local ok, err = pcall(function()
        m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 1, verbose = 0, callbacks = {{on_epoch_end = boom}}})
      end)
      print(err)
      local custom = nn.Custom{forward = function(self, x) error("bad forward") end}
      print(select(2, pcall(function() return nn.Sequential{input_dim = 2, custom}:predict(tensor.ones(1, 2)) end)))
      """)
    #expect(r.error == nil)
    #expect(r.output == """
      test.lua:5: Model:fit: test.lua:3: boom
      test.lua:9: nn.Sequential: test.lua:8: bad forward

      """)
  }

  @Test func anUncaughtCallbackErrorShowsWhereItWasRaised() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      local function boom() error("boom") end
      m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 1, verbose = 0, callbacks = {{on_epoch_end = boom}}})
      """)
    #expect(r.error?.message == "test.lua:4: Model:fit: test.lua:3: boom")
    let traceback = r.error?.traceback ?? ""
    #expect(traceback.contains("test.lua:3: in function <test.lua:3>") || traceback.contains("test.lua:3: in upvalue 'boom'")
            || traceback.contains("test.lua:3: in local 'boom'"), "\(traceback)")
    #expect(traceback.contains("in method 'fit'"))
    #expect(!traceback.contains("\nstack traceback:"))
  }

  @Test func settingAFieldOfAnObjectSaysWhatCanBeSet() {
    let r = runScript("""
      local model = nn.Sequential{input_dim = 2, nn.Dense(3)}
      print(pcall(function() model.layers[1].kind = "Dropout" end))
      print(pcall(function() tensor.ones(2).name = "w" end))
      """)
    #expect(r.error == nil)
    let lines = r.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first == "false\ttest.lua:2: cannot set field 'kind' of a Layer: only trainable can be set", "\(lines)")
    #expect(lines.last == "false\ttest.lua:3: cannot set field 'name' of a Tensor: no field of a Tensor can be set")
  }
}

/// Fields declared settable take values of their type from scripts.
@Suite(.serialized) struct SettableFieldTests {
  @Test func aCallbackStopsTrainingByItsModelField() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      local h = m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 5, verbose = 0,
        callbacks = {{on_epoch_end = function(epoch, logs, model) if epoch == 2 then model.stop_training = true end end}}})
      print(#h.loss)
      print(pcall(function() m.stop_training = 1 end))
      print(pcall(function() m.stop_trainig = true end))
      """)
    #expect(r.error == nil)
    #expect(r.output == """
      2
      false\ttest.lua:6: field 'stop_training' of a Model expects a boolean, got an integer (1)
      false\ttest.lua:7: cannot set field 'stop_trainig' of a Model (did you mean 'stop_training'?): only stop_training can be set

      """)
  }
}

/// A callback error inside an experiment's main: the traceback of the callback, not of main.
@Suite(.serialized) struct NestedCallbackErrorTests {
  @Test func theInnermostTracebackIsShown() throws {
    let s = LuaState(options: { var o = LuaState.Options(); o.output = { _ in }; return o }())
    try s.run("""
      local ex = experiment "a"
      ex:main(function(cfg, run)
        local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
        m:compile{optimizer = optim.SGD{}, loss = "mse"}
        local function fit(f) m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 1, verbose = 0, callbacks = {{on_epoch_end = f}}}) end
        pcall(fit, function() error("caught") end)
        fit(function(epoch, logs, model)
          error("not caught")
        end)
      end)
      """, chunkName: "n.lua")
    var runner = ExperimentRunner()
    runner.runsDirectory = NSTemporaryDirectory()
    do {
      _ = try runner.run(state: s, output: { _ in })
      Issue.record("main did not fail")
    } catch let e as ScriptError {
      #expect(e.message == "n.lua:5: Model:fit: n.lua:8: not caught")
      let tb = e.traceback ?? ""
      #expect(tb.hasPrefix("stack traceback:\n\t[C]: in function 'error'\n\tn.lua:8: in function <n.lua:7>"), "\(tb)")
      #expect(tb.contains("in the experiment's main") && !tb.contains("caught\""))
    }
  }
}
