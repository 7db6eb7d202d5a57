import Testing
@testable import LuaHost
import Catalog
import StandardLibrary

/// Crescent's library tables: read-only, and a name they do not define is an error with the
/// nearest names, at the script's line.
@Suite(.serialized) struct LibraryNameTests {
  @Test func unknownNamesSuggestTheNearest() {
    let r = runScript("""
      print(pcall(function() return optim.adam{lr = 0.1} end))
      print(pcall(function() return losses.BinaryCrossEntropy{} end))
      print(pcall(function() return nn.dense(3) end))
      print(pcall(function() return nn.Qwerty end))
      print(pcall(function() return metrics.hamming end))
      """)
    #expect(r.error == nil)
    #expect(r.output == """
      false\ttest.lua:1: optim.adam is not defined (did you mean optim.Adam?)
      false\ttest.lua:2: losses.BinaryCrossEntropy is not defined (did you mean losses.BinaryCrossentropy?)
      false\ttest.lua:3: nn.dense is not defined (did you mean nn.Dense?)
      false\ttest.lua:4: nn.Qwerty is not defined; `crescent doc nn` lists what nn has
      false\ttest.lua:5: metrics.hamming is not defined (did you mean metrics.hamming_loss?)

      """)
  }

  @Test func anUncaughtUnknownNameEndsTheScriptAtItsLine() {
    let r = runScript("local x = 1\nlocal opt = optim.sgd{}\n")
    #expect(r.error?.message == "test.lua:2: optim.sgd is not defined (did you mean optim.SGD?)")
  }

  @Test func tablesStayReadOnlyAndListable() {
    let r = runScript("""
      print(pcall(function() nn.Dense = 1 end))
      local n = 0
      for k, v in pairs(optim) do n = n + 1 end
      print(n > 5, rawequal(nn.Dense, nn.Dense), string.nosuch, math.nosuch)
      """)
    #expect(r.error == nil)
    #expect(r.output == "false\ttest.lua:1: attempt to modify read-only table 'nn'\ntrue\ttrue\tnil\tnil\n")
  }

  @Test func stringNamesOfMetricsAndLossesSuggestToo() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      print(pcall(function() m:compile{optimizer = optim.SGD{}, loss = "mse", metrics = {"f1_mikro"}} end))
      print(pcall(function() m:compile{optimizer = optim.SGD{}, loss = "binary_crossentropi"} end))
      """)
    #expect(r.error == nil)
    let lines = r.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("false\ttest.lua:2: Model:compile: unknown metric 'f1_mikro' (did you mean 'f1_micro'?)") == true)
    #expect(lines.last?.hasPrefix("false\ttest.lua:3: Model:compile: unknown loss \"binary_crossentropi\" (did you mean \"binary_crossentropy\"?)") == true)
  }
}
