import Foundation
@testable import Datasets

/// The folder of this test target's fixture files.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// The shared data sets folder, when `CRESCENT_DATA` is set.
let crescentData: String? = {
  let v = ProcessInfo.processInfo.environment["CRESCENT_DATA"]
  return (v?.isEmpty ?? true) ? nil : v
}()

let dataUnsetMessage = "CRESCENT_DATA is not set: set it to the shared datasets folder (e.g. /work/shared/datasets) to run the MULAN tests"

/// The message of the DataError `body` throws, or nil.
func dataError(_ body: () throws -> Any) -> String? {
  do { _ = try body(); return nil } catch let e as DataError { return e.message } catch { return "\(error)" }
}

func temporaryPath(_ name: String) -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-datasets-tests-\(getpid())")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent(name).path
}
