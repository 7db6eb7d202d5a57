#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One fuzz target: a name (its corpus folder is fuzz/corpus/<name>) and what it does with
/// one input. Every error a reader throws is the expected outcome; only a crash, a sanitizer
/// report, a hang or a blown memory limit is a finding.
struct FuzzTarget {
  let name: String
  let summary: String
  let run: ([UInt8]) -> Void
}

enum FuzzTargets {
  static let all: [FuzzTarget] = ReaderTargets.all + [BridgeTarget.target]

  /// The target CRESCENT_FUZZ_TARGET names, looked up once.
  static let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CRESCENT_FUZZ_TARGET"] ?? ""
    if let t = all.first(where: { $0.name == name }) { return t }
    let list = all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
    fputs("crescent-fuzz: set CRESCENT_FUZZ_TARGET to one of:\n\(list)\n", stderr)
    exit(2)
  }()
}
