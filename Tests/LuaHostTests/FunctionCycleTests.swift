import Testing
@testable import LuaHost
import Catalog
import Tensors

/// Lua functions kept by native objects whose upvalues refer back to those objects: the cycle
/// runs through Lua alone (the function lives in the object's user value), so the collector
/// frees it; memory stays flat however many are made.
@Suite(.serialized) struct FunctionCycleTests {
  /// Runs `body` (a Lua chunk making one cycle) 50,000 times; returns the growth of Lua's
  /// memory (KB) and of the state's own live tensor bytes (counted by its memory budget, so
  /// tests running beside it do not count) from after the first 1,000 to the end.
  func growth(_ body: String, times: Int = 50_000) throws -> (luaKB: Double, tensorBytes: Int) {
    var options = LuaState.Options()
    options.maxMemory = 1 << 40
    let state = LuaState(options: options)
    let budget = try #require(state.session.memoryBudget)
    try state.run("function make() \(body) end")
    try state.run("for i = 1, 1000 do make() end; collectgarbage(); collectgarbage(); kb = collectgarbage('count')")
    let before = budget.tensorBytes
    guard case .number(let kb0) = try state.global("kb") else { Issue.record("no count"); return (0, 0) }
    try state.run("for i = 1, \(times - 1000) do make() end; collectgarbage(); collectgarbage(); kb = collectgarbage('count')")
    guard case .number(let kb1) = try state.global("kb") else { Issue.record("no count"); return (0, 0) }
    return (kb1 - kb0, budget.tensorBytes - before)
  }

  @Test func aCustomLayerWhoseForwardRefersToItIsCollected() throws {
    let g = try growth("""
      local layer
      layer = nn.Custom{forward = function(self, x) return layer and x end, parameters = {w = tensor.zeros(10, 10):requires_grad()}}
      """)
    #expect(g.luaKB < 1024)
    #expect(g.tensorBytes < 1 << 20)
  }

  @Test func aModelWhoseLossRefersToItIsCollected() throws {
    let g = try growth("""
      local m = nn.Sequential{input_dim = 10, nn.Dense(10)}
      m:compile{loss = function(p, y) return m and (p - y):sum() end}
      """, times: 10_000)
    #expect(g.luaKB < 1024)
    #expect(g.tensorBytes < 1 << 20)
  }

  @Test func aModelHoldingALayerThatRefersToTheModelIsCollected() throws {
    let g = try growth("""
      local m = nn.Sequential{input_dim = 10}
      m:add(nn.Custom{forward = function(self, x) return m and x end, parameters = {w = tensor.zeros(10, 10):requires_grad()}})
      """, times: 10_000)
    #expect(g.luaKB < 1024)
    #expect(g.tensorBytes < 1 << 20)
  }

  @Test func aScheduleWhoseFunctionRefersToItIsCollected() throws {
    let g = try growth("""
      local s
      s = optim.LambdaLR{fn = function(epoch, lr) return s and lr end}
      """)
    #expect(g.luaKB < 1024)
  }

  @Test func aLayerAddedToAModelKeepsItsForwardWhileTheModelLives() {
    let (output, error) = runScript("""
      local m = nn.Sequential{input_dim = 2}
      m:add(nn.Custom{forward = function(self, x) return x * 2 end})
      collectgarbage(); collectgarbage()
      print(m:predict(tensor.from{{1, 2}}):sum())
      local model = nn.Sequential{input_dim = 2, nn.Custom{forward = function(self, x) return x + 1 end}}
      collectgarbage(); collectgarbage()
      print(model:predict(tensor.from{{1, 2}}):sum())
      """)
    #expect(error == nil)
    #expect(output == "6.0\n5.0\n")
  }

  @Test func anObjectIsTheSameValueEachTimeLuaSeesIt() {
    let (output, error) = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      print(rawequal(m:compile{loss = "mse"}, m))
      """)
    #expect(error == nil)
    #expect(output == "true\n")
  }

  @Test func aCompiledLossStillRunsAfterCollection() {
    let (output, error) = runScript("""
      local m = nn.Sequential{input_dim = 1, seed = 1, nn.Dense(1)}
      m:compile{loss = function(p, y) return ((p - y) * (p - y)):mean() end, optimizer = optim.SGD{lr = 0.1}}
      collectgarbage(); collectgarbage()
      local h = m:fit(tensor.from{{1}, {2}}, tensor.from{{2}, {4}}, {epochs = 2, verbose = 0, batch_size = 2})
      print(#h.loss)
      """)
    #expect(error == nil)
    #expect(output == "2\n")
  }
}
