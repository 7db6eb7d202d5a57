import Testing
@testable import LuaHost
import Catalog
import Experiments
import Foundation

/// `run.info` is one table the script fills in place; the run gets its contents when main ends.
@Suite(.serialized) struct RunInfoTests {
  func run(_ source: String) throws -> (Run?, String) {
    let out = Captured()
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    let s = LuaState(options: options)
    try s.run(source)
    var runner = ExperimentRunner()
    runner.runsDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-info-\(UUID().uuidString)").path
    var made: Run?
    runner.onRun = { made = $0 }
    do { _ = try runner.run(state: s, output: { out.text += $0 }) } catch is ScriptError {}
    return (made, out.text)
  }

  @Test func whatTheScriptPutsInRunInfoIsKeptWithTheRun() throws {
    let (r, out) = try run("""
      local ex = experiment "info"
      ex:main(function(cfg, run)
        run.info.note = "first"
        run.info.sizes = {1, 2}
        local same = run.info
        same.count = 3
        print(rawequal(run.info, same), run.info.note)
        run:log("loss", 0.5)
        run:log("loss", 0.25)
        local h = run:history("loss")
        print(#h.steps, h.values[2])
      end)
      """)
    #expect(out.contains("true\tfirst"))
    #expect(out.contains("2\t0.25"))
    let info = try #require(r?.info)
    #expect(info["note"].map { if case .string(let s) = $0 { return s == "first" }; return false } == true)
    #expect(info["count"].map { if case .integer(3) = $0 { return true }; return false } == true)
  }

  @Test func aFailedMainStillHandsItsInfoBack() throws {
    let (r, _) = try run("""
      local ex = experiment "info"
      ex:main(function(cfg, run)
        run.info.reached = "before the error"
        error("boom")
      end)
      """)
    #expect(r?.status == .failed)
    #expect(r?.info["reached"].map { if case .string(let s) = $0 { return s == "before the error" }; return false } == true)
  }

  @Test func runInfoCannotBeReplacedWhole() throws {
    let (r, _) = try run("""
      local ex = experiment "info"
      ex:main(function(cfg, run) run.info = {} end)
      """)
    #expect(r?.status == .failed)
    #expect(r?.error?.contains("cannot set field 'info'") == true)
  }
}
