import Foundation
import Testing
@testable import Datasets
import Tensors

@Suite struct ReaderLimitsTests {
  @Test func aFileLargerThanTheBudgetIsNotRead() throws {
    let path = temporaryPath("two-megabytes.csv")
    try Data(repeating: UInt8(ascii: "1"), count: 2 << 20).write(to: URL(fileURLWithPath: path))
    let message = MemoryBudget.$current.withValue(MemoryBudget(limit: 1 << 20)) { dataError { try FileBytes.read(path) } }
    #expect(message?.contains("reading its 2097152 bytes needs 4194304 bytes") == true)
    #expect(message?.hasSuffix("memory limit exceeded") == true)
    let bytes = try MemoryBudget.$current.withValue(MemoryBudget(limit: 8 << 20)) { try FileBytes.read(path) }
    #expect(bytes.count == 2 << 20)
  }

  @Test func decompressionStopsAtTheBudget() throws {
    // 64 MiB of zeros packs into about 64 KB; under a 4 MiB budget it is refused while inflating.
    var stream = [UInt8](repeating: 0, count: 64 << 20)
    let packed = try gzipped(&stream)
    let message = MemoryBudget.$current.withValue(MemoryBudget(limit: 4 << 20)) { dataError { try Gzip.decompress(packed, path: "bomb.gz") } }
    #expect(message?.hasPrefix("bomb.gz: the decompressed content needs") == true)
    #expect(message?.hasSuffix("memory limit exceeded") == true)
  }

  @Test func anNpzMemberIsNotInflatedPastTheBudget() throws {
    // 16 KB on disk, a 16 MiB member: refused before the inflated bytes are allocated.
    let path = fixtures + "/good/numpy-zeros-16mib.npz"
    let bytes = try FileBytes.read(path)
    let message = MemoryBudget.$current.withValue(MemoryBudget(limit: 4 << 20)) { dataError { try NpzReader.parse(bytes, path: "z.npz") } }
    #expect(message?.hasPrefix("z.npz: member z.npy inflated needs 16777344 bytes") == true)
    #expect(message?.hasSuffix("memory limit exceeded") == true)
    let arrays = try MemoryBudget.$current.withValue(MemoryBudget(limit: 64 << 20)) { try NpzReader.parse(bytes, path: "z.npz") }
    #expect(arrays.first?.tensor.shape == [4 << 20])
  }

  @Test func aDeadlineStopsDecompression() throws {
    var stream = [UInt8](repeating: 0, count: 1 << 20)
    let packed = try gzipped(&stream)
    let message = RunDeadline.$current.withValue(RunDeadline.now() - 1) { dataError { try Gzip.decompress(packed, path: "x.gz") } }
    #expect(message == "time limit exceeded")
  }

  /// `bytes` gzip-compressed by the system's gzip.
  func gzipped(_ bytes: inout [UInt8]) throws -> [UInt8] {
    let path = temporaryPath("zeros-\(bytes.count)")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["gzip", "-f", "-9", path]
    try p.run(); p.waitUntilExit()
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
  }
}
