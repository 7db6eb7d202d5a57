import Foundation
import Testing
import Catalog
import Experiments

/// A series logged at step Int.max has no next step to take.
@Suite struct RunStepLimitTests {
  @Test func theStepAfterIntMaxIsAnErrorNotAnOverflow() throws {
    let run = Run(id: "t", experiment: "e", seed: 1, config: .table([]), runsDirectory: .init(fileURLWithPath: "/tmp"))
    try run.log("loss", 0.5, step: Int.max)
    #expect(throws: ConfigError.self) { try run.log("loss", 0.25) }
    try run.log("loss", 0.25, step: 1)
    #expect(run.series["loss"] == [.init(step: Int.max, value: 0.5), .init(step: 1, value: 0.25)])
    #expect(run.seriesNames == ["loss"])
  }
}
