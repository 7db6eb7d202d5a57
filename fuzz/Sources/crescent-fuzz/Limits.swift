import Catalog
import Foundation
import Tensors

/// The limits every input runs under: a memory budget well below the fuzzer's own RSS limit,
/// so that a size read from a header is refused rather than allocated, and a deadline, so
/// that a slow input ends with the timeout error long before libFuzzer's -timeout.
enum Limits {
  static let memoryBytes = 16 << 20
  static let seconds = 3.0

  static func run(_ body: () throws -> Void) {
    let budget = MemoryBudget(limit: memoryBytes)
    RunDeadline.$current.withValue(RunDeadline.now() + seconds) {
      MemoryBudget.$current.withValue(budget) {
        do { try body() } catch {
          // A clean error is the expected outcome; render it as a host would.
          _ = "\(error)"
        }
      }
    }
  }

  /// A file holding `bytes` for readers that take a path, removed afterwards.
  static func withTemporaryFile(_ bytes: [UInt8], suffix: String, _ body: (String) throws -> Void) throws {
    let path = temporaryFolder + "/input\(suffix)"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  /// A folder of this process's own for the temporary files.
  static let temporaryFolder: String = {
    let path = NSTemporaryDirectory() + "/crescent-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: Limits.temporaryFolder) }
    return path
  }()
}
