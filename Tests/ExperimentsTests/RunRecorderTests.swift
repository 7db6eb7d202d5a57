import Catalog
import Experiments
import Foundation
import Testing

/// A recorder that keeps what it is given, and can be made to fail.
final class MemoryRecorder: RunRecorder {
  let runID = "r1"
  var points: [(String, Double, Int)] = []
  var artifacts: [(String, String, Int)] = []
  var failure: Error?
  func log(_ key: String, _ value: Double, step: Int) { points.append((key, value, step)) }
  func history(_ key: String) throws -> [(step: Int, value: Double)] {
    points.filter { $0.0 == key }.map { ($0.2, $0.1) }
  }
  func recordArtifact(name: String, path: String, contents: Data) throws { artifacts.append((name, path, contents.count)) }
  var curves: [(String, Value)] = []
  func recordCurve(_ name: String, _ curve: Value) throws { curves.append((name, curve)) }
}

struct RunRecorderTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-run-recorder-\(UUID().uuidString)")

  @Test func pointsAndArtifactsGoToTheRecorderAndHistoryReadsItBack() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let recorder = MemoryRecorder()
    let run = Run(experiment: "e", seed: 1, config: .table([]), runsDirectory: folder, recorder: recorder)
    try run.log("loss", 0.5)
    try run.log("loss", 0.25)
    try run.log("acc", 0.9, step: 10)
    #expect(recorder.points.map(\.2) == [1, 2, 10])
    // What the recorder holds, not only what this process logged: a point it has from elsewhere shows.
    recorder.points.append(("loss", 0.125, 3))
    #expect(try run.history("loss").map(\.value) == [0.5, 0.25, 0.125])
    try run.artifact("a.txt", content: "abc")
    #expect(recorder.artifacts.count == 1 && recorder.artifacts[0].0 == "a.txt" && recorder.artifacts[0].2 == 3)
  }

  @Test func withoutARecorderHistoryIsWhatWasLogged() throws {
    let run = Run(experiment: "e", seed: 1, config: .table([]), runsDirectory: folder)
    try run.log("loss", 0.5)
    #expect(try run.history("loss") == [Run.Point(step: 1, value: 0.5)])
    #expect(try run.history("never").isEmpty)
  }

  @Test func aRecorderThatFailedFailsTheNextLog() throws {
    let recorder = MemoryRecorder()
    let run = Run(experiment: "e", seed: 1, config: .table([]), runsDirectory: folder, recorder: recorder)
    recorder.failure = CatalogError("cannot write metrics to the run store 'x.db': the disk is full")
    #expect { try run.log("loss", 1) } throws: { "\($0)".contains("the disk is full") }
  }
}

struct RunCurveRecordingTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-run-curves-\(UUID().uuidString)")

  @Test func aLoggedCurveGoesToTheRecorder() throws {
    let recorder = MemoryRecorder()
    let run = Run(experiment: "e", seed: 1, config: .table([]), runsDirectory: folder, recorder: recorder)
    let roc = Value.table([("fpr", .list([.number(0), .number(1)])), ("tpr", .list([.number(0), .number(1)]))])
    try run.logCurve("roc", roc)
    #expect(recorder.curves.count == 1 && recorder.curves[0].0 == "roc")
    #expect(run.curves.map(\.name) == ["roc"])
  }

  @Test func aCurveTheRecorderCannotKeepFailsTheCall() throws {
    final class Refusing: RunRecorder {
      let runID = "r"
      var failure: Error?
      func log(_ key: String, _ value: Double, step: Int) {}
      func history(_ key: String) throws -> [(step: Int, value: Double)] { [] }
      func recordArtifact(name: String, path: String, contents: Data) throws {}
      func recordCurve(_ name: String, _ curve: Value) throws { throw ConfigError("the disk is full") }
    }
    let run = Run(experiment: "e", seed: 1, config: .table([]), runsDirectory: folder, recorder: Refusing())
    do {
      try run.logCurve("roc", .table([]))
      Issue.record("a curve the recorder refused was taken")
    } catch let error as ConfigError {
      #expect(error.message == "the curve 'roc' cannot be recorded: the disk is full")
    }
  }
}
