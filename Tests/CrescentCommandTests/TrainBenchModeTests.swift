import ArgumentParser
import Foundation
import Testing
@testable import crescent

/// `crescent bench train --workload w2 --mode ...`: the four ways of training W2 from a script.
@Suite struct TrainBenchModeTests {
  @Test func theModesAreW2sAlone() throws {
    #expect(TrainBench.modes == ["fit", "custom", "loop", "lua-loss"])
    _ = try TrainBench.parse(["--workload", "w2", "--mode", "loop", "--epochs", "2"])
    #expect(throws: (any Error).self) { try TrainBench.parse(["--workload", "w1", "--mode", "loop"]) }
    #expect(throws: (any Error).self) { try TrainBench.parse(["--workload", "w2", "--mode", "fit", "--epochs", "0"]) }
    #expect(throws: ValidationError.self) { try TrainBench.measureMode("sgd", epochs: 1) }
  }

  /// The bench runs the script `bench/w2_modes.lua` holds (which `crescent run` runs on an older
  /// binary), so the two measure the same loops.
  @Test func theBenchRunsTheScriptOfTheBenchFolder() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = try String(contentsOf: root.appendingPathComponent("bench/w2_modes.lua"), encoding: .utf8)
    let body = file[file.range(of: "local only, epochs")!.lowerBound...]
    #expect(TrainBench.script == String(body).trimmingCharacters(in: .newlines))
  }
}
