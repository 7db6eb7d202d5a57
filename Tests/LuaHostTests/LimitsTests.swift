import Testing
@testable import LuaHost
import Catalog
import Tensors

@Suite struct LimitsTests {
  func run(_ source: String, timeout: Double? = nil, maxMemory: Int? = nil) -> ScriptError? {
    var options = LuaState.Options()
    options.timeout = timeout
    options.maxMemory = maxMemory
    options.output = { _ in }
    let state = LuaState(options: options)
    do { try state.run(source, chunkName: "limits.lua") } catch let e as ScriptError { return e } catch {
      return ScriptError(kind: .runtime, message: "\(error)", traceback: nil)
    }
    return nil
  }

  @Test func fitStopsAtTheDeadline() {
    let start = Session.now()
    let e = run("""
      local m = nn.Sequential{input_dim = 4, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      m:fit(tensor.randn(64, 4, {seed = 1}), tensor.randn(64, 1, {seed = 2}), {epochs = 1000000, batch_size = 4, verbose = 0})
      """, timeout: 0.3)
    #expect(e?.kind == .timeout)
    #expect(e?.message.contains("time limit exceeded") == true)
    #expect(Session.now() - start < 5)
  }

  @Test func anEndlessMessageHandlerIsNotRunPastTheDeadline() {
    let start = Session.now()
    let e = run("local function loop() while true do end end; xpcall(loop, loop)", timeout: 0.3)
    #expect(e?.kind == .timeout)
    #expect(e?.message.hasPrefix("limits.lua:1:") == true)
    #expect(Session.now() - start < 5)
  }

  @Test func messageHandlersStillRunBeforeTheDeadline() {
    let e = run("""
      local ok, m = xpcall(function() error("boom", 0) end, function(m) return "handled " .. m end)
      assert(not ok and m == "handled boom", m)
      local co = coroutine.wrap(function() return xpcall(function() coroutine.yield(1); return 2 end, print) end)
      assert(co() == 1)
      local ok2, v = co()
      assert(ok2 and v == 2)
      assert(select(2, pcall(xpcall)):find("bad argument #2 to 'xpcall'"))
      """, timeout: 30)
    #expect(e == nil, "\(e.map { $0.description } ?? "")")
  }

  @Test func aTensorBeyondTheLimitIsRefusedBeforeItIsMade() {
    let e = run("local t = tensor.ones(8192, 8192)", maxMemory: 64 << 20)
    #expect(e?.kind == .memory)
    #expect(e?.message.contains("tensor.ones") == true)
    #expect(e?.message.contains("8192x8192") == true)
  }

  @Test func aRefusalCanBeCaughtAndTheRunGoesOn() {
    let e = run("""
      local ok, err = pcall(tensor.zeros, 8192, 8192)
      assert(not ok and err:find("memory limit exceeded"), tostring(err))
      assert(tensor.zeros(10, 10):sum():item() == 0)
      """, maxMemory: 64 << 20)
    #expect(e == nil, "\(e.map { $0.description } ?? "")")
  }

  @Test func aResultBeyondTheLimitStopsTheScriptAtOnce() {
    let e = run("local c = tensor.ones(4096, 1):matmul(tensor.ones(1, 4096)); print(c:sum():item())", maxMemory: 32 << 20)
    #expect(e?.kind == .memory)
  }
}
