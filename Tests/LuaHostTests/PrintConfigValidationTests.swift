import Testing
@testable import LuaHost
import Experiments
import Foundation

/// `--print-config` checks the final config exactly as a run does before main.
@Suite struct PrintConfigValidationTests {
  func outcome(_ words: [String], printConfig: Bool) -> String {
    let s = LuaState(options: LuaState.Options())
    do {
      try s.run("local ex = experiment 'e'; ex:config{ a = 1, seed = 3 }; ex:main(function() end)", chunkName: "e.lua")
      var runner = ExperimentRunner()
      runner.printConfig = printConfig
      runner.runsDirectory = NSTemporaryDirectory()
      runner.with = try WithArguments(words)
      switch try runner.run(state: s, output: { _ in }) {
      case .printedConfig: return "printed"
      case .completed: return "completed"
      case .noExperiment: return "no experiment"
      }
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: [["seed=-1"], ["seed=1.5"], ["seed='x'"]])
  func aSeedARunRefusesIsRefusedBeforePrinting(words: [String]) {
    let run = outcome(words, printConfig: false)
    #expect(run.hasPrefix("config 'seed' must be a non-negative integer"))
    #expect(outcome(words, printConfig: true) == run)
  }

  @Test func aValidSeedPrints() {
    #expect(outcome(["seed=12"], printConfig: true) == "printed")
    #expect(outcome(["seed=12"], printConfig: false) == "completed")
  }
}
