import Foundation
@testable import RunStore

/// A fresh folder for one test's store, removed when the value goes away.
final class TempFolder {
  let url: URL
  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-store-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

extension RunStart {
  static func test(_ experiment: String = "t") -> RunStart {
    RunStart(experiment: experiment, host: HostInfo(os: "test", cpu: "cpu", cores: 1, crescentVersion: "0"), seed: 7,
             configJSON: #"{"lr":0.1,"hidden":[64,32],"opt":{"name":"adam"}}"#, overridesJSON: #"{"lr":"0.1"}"#,
             script: "t.lua", source: "print(1)")
  }
}
