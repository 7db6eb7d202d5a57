import Testing
@testable import LuaHost
import Catalog
import StandardLibrary

/// Scripts that attack the bridge get Lua errors, in the thread that called, and leave the
/// host's state as it was. (The end-to-end attacks, which could crash a process, are
/// tests/attacks/*.lua, run against the release binary.)
@Suite(.serialized) struct HostileScriptTests {
  @Test func nativeErrorsInACoroutineAreItsOwn() {
    let (output, error) = runScript("""
      local co = coroutine.create(function()
        local ok, err = pcall(tensor.zeros, -1)
        coroutine.yield(ok, type(err), err:find("tensor.zeros") ~= nil)
      end)
      print(select(2, coroutine.resume(co)))
      """)
    #expect(error == nil)
    #expect(output == "false\tstring\ttrue\n")
  }

  @Test func theRunningThreadIsRestoredAfterACoroutineCall() {
    let state = LuaState(options: LuaState.Options())
    #expect(throws: Never.self) {
      try state.run("coroutine.wrap(function() pcall(tensor.zeros, -1); tensor.ones(1) end)()")
    }
    #expect(state.thread == state.L)
  }

  @Test func hostileMetamethodsRunOnlyProtected() {
    let (output, error) = runScript("""
      local hostile = {__len = function() error("len") end, __index = function() error("index") end}
      print(tensor.from(setmetatable({1, 2}, hostile)):numel())
      print(pcall(print, setmetatable({}, {__tostring = function() error("shown") end})))
      """)
    #expect(error == nil)
    #expect(output == "2\nfalse\ttest.lua:3: shown\n")
  }

  @Test func aReplValueWhoseTostringFailsIsAnError() {
    let state = LuaState(options: LuaState.Options())
    let result = state.evaluate(#"setmetatable({}, {__tostring = function() error("boom") end})"#)
    guard case .error(let message) = result else { Issue.record("got \(result)"); return }
    #expect(message.contains("boom"))
    #expect(state.evaluate("1 + 2") == .values(["3"]))
  }

  @Test func libraryTablesAndObjectMetatablesAreOutOfReach() {
    let (output, error) = runScript("""
      print(pcall(rawset, nn, "Dense", print))
      local _, inner = pairs(nn)
      print((pcall(rawset, inner, "Dense", print)), nn.Dense ~= print)
      print(getmetatable(tensor.ones(1)))
      """)
    #expect(error == nil)
    #expect(output == "false\tattempt to modify read-only table 'nn'\nfalse\ttrue\nTensor\n")
  }

  @Test func closuresHandedToLuaAreReleasedWithTheirFunctions() throws {
    let state = LuaState(options: LuaState.Options())
    try state.run("local ds = data.make_blobs{n_samples = 20, centers = 2, seed = 1}; for i = 1, 2000 do ds:kfold{k = 2} end")
    let registered = state.functions.count
    try state.run("local ds = data.make_blobs{n_samples = 20, centers = 2, seed = 1}; for i = 1, 2000 do ds:kfold{k = 2} end")
    #expect(state.functions.count == registered)
  }

  @Test func specResultsCannotBeReplacedByTheSpec() throws {
    let state = LuaState(options: LuaState.Options())
    state.installSpecHelpers()
    try state.run("""
      it("passes", function() end)
      __crescent_spec = nil
      setmetatable(_G, {__index = function() error("boom") end})
      """)
    guard case .integer(let passed)? = try state.specResults()["passed"] else { Issue.record("no results"); return }
    #expect(passed == 1)
  }
}
