import Foundation
import RunStore
import Testing
@testable import crescent

/// `crescent runs --study NAME` keeps the runs of one sweep's study.
@Suite struct RunsStudyFilterTests {
  @Test func studyKeepsTheRunsOfThatStudyOnly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-runs-study-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try RunStore(path: folder.appendingPathComponent("crescent.db").path)
    var ids: [String] = []
    for (study, trial) in [("yeast", 0), ("other", 0), ("yeast", 1), (nil, nil)] as [(String?, Int?)] {
      let r = try RunRecording(store: store, start: RunStart(experiment: "e"))
      try r.finish(.completed)
      if let study, let trial { try store.link(run: r.runID, study: study, trial: trial) }
      ids.append(r.runID)
    }
    let runs = try store.runs()
    let yeast = try RunSelection.parse(["--study", "yeast", "--sort", "trial"]).apply(runs)
    #expect(yeast.map(\.id) == [ids[0], ids[2]])
    #expect(try RunSelection.parse(["--study", "none"]).apply(runs).isEmpty)
    #expect(try RunSelection.parse([]).apply(runs).count == 4)
    #expect(try RunSelection.parse(["--study", "yeast", "--filter", "trial=1"]).apply(runs).map(\.id) == [ids[2]])
  }
}
