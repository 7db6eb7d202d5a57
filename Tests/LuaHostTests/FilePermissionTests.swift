import Catalog
import Foundation
import Testing
@testable import LuaHost

/// Every call a script makes runs under its session's file policy: readers, writers and
/// `require` refuse what the policy does not allow.
@Suite struct FilePermissionTests {
  /// A scratch folder with `in/` (the only folder granted) and `out/`.
  func scratch() throws -> String {
    let dir = (NSTemporaryDirectory() as NSString).resolvingSymlinksInPath + "/crescent-permissions-\(UUID().uuidString)"
    for sub in ["in", "out"] { try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
    try "a,b\n1,0\n".write(toFile: dir + "/out/d.csv", atomically: true, encoding: .utf8)
    try "return {}".write(toFile: dir + "/out/evil.lua", atomically: true, encoding: .utf8)
    try "return {}".write(toFile: dir + "/in/config", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: dir + "/in/evil.lua", withDestinationPath: dir + "/out/evil.lua")
    return dir
  }

  func state(_ dir: String) -> LuaState {
    var options = LuaState.Options()
    options.files = FilePolicy(read: [.init(dir + "/in", origin: "a test")], write: [.init(dir + "/in", origin: "a test")])
    options.searchPath = [dir + "/in"]
    options.output = { _ in }
    return LuaState(options: options)
  }

  /// The message of the error `code` raises (nil when it raises none).
  func failure(_ state: LuaState, _ code: String) throws -> String? {
    try state.run("local ok, e = pcall(function() \(code) end); result = ok and '' or tostring(e)")
    guard case .string(let s) = try state.global("result") else { return nil }
    return s.isEmpty ? nil : s
  }

  @Test func readersAndWritersKeepToTheGrantedFolders() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let s = state(dir)
    let read = try #require(try failure(s, "data.load_csv('\(dir)/out/d.csv', {last = 1})"))
    #expect(read.contains("\(dir)/out/d.csv: outside the folders allowed"))
    let write = try #require(try failure(s, "data.save_npy(tensor.ones(2), '\(dir)/in/../out/x.npy')"))
    #expect(write.contains("'..' leads outside the folders allowed"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/x.npy"))
    #expect(try failure(s, "data.save_npy(tensor.ones(2), '\(dir)/in/x.npy')") == nil)
  }

  @Test func requireRefusesNulNamesAndLinksOutside() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let s = state(dir)
    let nul = try #require(try failure(s, "require('config\\0')"))
    #expect(nul.contains("a name may not hold a NUL byte"))
    let link = try #require(try failure(s, "require('evil')"))
    #expect(link.contains("a symbolic link on this path leads outside"))
  }
}
