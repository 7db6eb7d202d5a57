import Foundation
import Testing
@testable import Catalog

/// A symbolic link swapped between the check and the open never leads a read or a write
/// outside the folders allowed: what is opened is what was checked.
@Suite(.serialized) struct FileRaceTests {
  /// Flips `link` between two targets as fast as it can until stopped (each flip atomic: a new
  /// link renamed over the old).
  final class Flipper: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    let link: String, targets: (String, String)
    init(link: String, targets: (String, String)) { self.link = link; self.targets = targets }
    var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
    func stop() { lock.lock(); stopped = true; lock.unlock() }
    func start() -> Thread {
      let t = Thread { [self] in
        var flip = false
        let temporary = link + ".new"
        while !isStopped {
          flip.toggle()
          unlink(temporary)
          symlink(flip ? targets.1 : targets.0, temporary)
          rename(temporary, link)
        }
      }
      t.start()
      return t
    }
  }

  func folders() throws -> (base: String, allowed: String, outside: String) {
    let base = FileManager.default.temporaryDirectory.path + "/crescent-race-\(UInt32.random(in: 0...UInt32.max))"
    let allowed = base + "/allowed", outside = base + "/outside"
    try FileManager.default.createDirectory(atPath: allowed + "/sub", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    return (base, allowed, outside)
  }

  @Test func aLinkSwappedWhileReadingNeverReadsOutside() throws {
    let (base, allowed, outside) = try folders()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try "inside".write(toFile: allowed + "/good.txt", atomically: true, encoding: .utf8)
    try "SECRET".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
    symlink(allowed + "/good.txt", allowed + "/link")
    let policy = FilePolicy(read: [.init(allowed, origin: "a test")], write: [])
    let flipper = Flipper(link: allowed + "/link", targets: (allowed + "/good.txt", outside + "/secret.txt"))
    let thread = flipper.start()
    var read = 0, leaked = 0
    for _ in 0..<20_000 {
      let text = try? FilePolicy.$current.withValue(policy) { try FileAccess.readText(allowed + "/link") }
      if text == "inside" { read += 1 }
      if text == "SECRET" { leaked += 1 }
    }
    flipper.stop()
    while !thread.isFinished { usleep(1000) }
    #expect(leaked == 0)
    #expect(read > 0)
  }

  @Test func aFolderLinkSwappedWhileWritingNeverWritesOutside() throws {
    let (base, allowed, outside) = try folders()
    defer { try? FileManager.default.removeItem(atPath: base) }
    symlink(allowed + "/sub", allowed + "/dir")
    let policy = FilePolicy(read: [], write: [.init(allowed, origin: "a test")])
    let flipper = Flipper(link: allowed + "/dir", targets: (allowed + "/sub", outside))
    let thread = flipper.start()
    var written = 0
    for i in 0..<10_000 {
      let ok: Bool = FilePolicy.$current.withValue(policy) {
        if i % 2 == 0 {
          return (try? FileAccess.write(Data("x".utf8), to: allowed + "/dir/out.txt")) != nil
        }
        guard let f = try? FileAccess.openForWriting(allowed + "/dir/log.csv", append: true) else { return false }
        fputs("x\n", f)
        fclose(f)
        return true
      }
      if ok { written += 1 }
    }
    flipper.stop()
    while !thread.isFinished { usleep(1000) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == [])
    #expect(written > 0)
  }
}
