import Catalog
import Foundation
import Testing

/// The sandbox's file rules: paths under the granted folders pass; a path outside, reached by
/// '..', through a symbolic link (dangling ones too) or holding a NUL byte is refused, the
/// error naming the path and the rule.
@Suite struct FilePolicyTests {
  /// A scratch folder with `in/` (granted) and `out/` (not), each holding a file `f`.
  func scratch() throws -> String {
    let dir = (NSTemporaryDirectory() as NSString).resolvingSymlinksInPath + "/crescent-policy-\(UInt32.random(in: 0...UInt32.max))"
    for sub in ["in", "out"] {
      try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
      try Data([1]).write(to: URL(fileURLWithPath: dir + "/" + sub + "/f"))
    }
    return dir
  }

  func policy(_ dir: String) -> FilePolicy {
    FilePolicy(read: [.init(dir + "/in", origin: "a test")], write: [.init(dir + "/in", origin: "a test")])
  }

  /// The reason `policy` refuses `path` with, or nil when it allows it.
  func refusal(_ policy: FilePolicy, _ path: String, _ access: FilePolicy.Access = .read) -> FileError? {
    do { try policy.check(path, for: access); return nil } catch let e as FileError { return e } catch { return nil }
  }

  @Test func pathsUnderAGrantedFolderPassEvenBeforeTheyExist() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let p = policy(dir)
    #expect(refusal(p, dir + "/in/f") == nil)
    #expect(refusal(p, dir + "/in/new/deeper/file.bin", .write) == nil)
    #expect(refusal(p, dir + "/in/./x/../f") == nil)
  }

  @Test func anAbsolutePathOutsideIsRefusedNamingTheRule() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let e = try #require(refusal(policy(dir), dir + "/out/f"))
    #expect(e.path == dir + "/out/f")
    #expect(e.reason.hasPrefix("outside the folders allowed: a script may read only under"))
    let w = try #require(refusal(policy(dir), dir + "/out/f", .write))
    #expect(w.reason.contains("a script may write only under"))
  }

  @Test func dotDotLeavingAGrantedFolderIsRefused() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let e = try #require(refusal(policy(dir), dir + "/in/../out/f"))
    #expect(e.reason.hasPrefix("'..' leads outside the folders allowed"))
  }

  @Test func symbolicLinksPointingOutsideAreRefused() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/folder", withDestinationPath: dir + "/out")
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/file", withDestinationPath: "../out/f")
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/inner", withDestinationPath: dir + "/in/f")
    let p = policy(dir)
    for path in [dir + "/in/folder/f", dir + "/in/file", dir + "/in/folder/new.bin"] {
      let e = try #require(refusal(p, path, .write))
      #expect(e.reason.hasPrefix("a symbolic link on this path leads outside the folders allowed"))
    }
    #expect(refusal(p, dir + "/in/inner") == nil)
  }

  @Test func aDanglingSymbolicLinkIsRefused() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/later", withDestinationPath: dir + "/out/created")
    let e = try #require(refusal(policy(dir), dir + "/in/later", .write))
    #expect(e.reason.contains("does not exist"))
  }

  @Test func aNulByteIsRefusedEvenWhenEverythingIsAllowed() throws {
    let e = try #require(refusal(.unrestricted, "config\0.lua"))
    #expect(e.path == "config\\0.lua")
    #expect(e.reason == "a file name may not hold a NUL byte")
  }

  @Test func writingImpliesReadingButReadingNotWriting() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let p = FilePolicy(read: [.init(dir + "/out", origin: "a test")], write: [.init(dir + "/in", origin: "a test")])
    #expect(refusal(p, dir + "/in/f", .read) == nil)
    #expect(refusal(p, dir + "/out/f", .read) == nil)
    #expect(refusal(p, dir + "/out/f", .write) != nil)
  }

  @Test func fileAccessFollowsTheCurrentPolicy() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FilePolicy.$current.withValue(policy(dir)) {
      #expect(throws: FileError.self) { try FileAccess.write(Data([9]), to: dir + "/out/new") }
      #expect(throws: FileError.self) { try FileAccess.readText(dir + "/out/f") }
      #expect(throws: FileError.self) { try FileAccess.createParentFolders(of: dir + "/out/a/b") }
      try FileAccess.write(Data([9]), to: dir + "/in/new")
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/new"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/a"))
    #expect(FileManager.default.contents(atPath: dir + "/in/new") == Data([9]))
  }
}
