import Catalog
import Foundation
import Testing

/// File failures say why in the system's words, and writes create missing folders.
@Suite struct FileAccessTests {
  func scratch() throws -> String {
    let dir = NSTemporaryDirectory() + "crescent-files-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func writingOverAFolderSaysItIsAFolder() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: FileError(dir, "Is a directory")) { try FileAccess.write(Data([1, 2]), to: dir) }
  }

  @Test func anEmptyNameIsNamed() {
    #expect(throws: FileError("", "the file name is empty")) { try FileAccess.write(Data([1]), to: "") }
    #expect(FileError("", "the file name is empty").description == "the file name is empty")
  }

  @Test func writingIntoMissingFoldersCreatesThem() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/a/b/c.bin"
    try FileAccess.write(Data([7, 8, 9]), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data([7, 8, 9]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/a/b") == ["c.bin"])
  }

  @Test func aFileInThePlaceOfAFolderIsNamed() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileAccess.write(Data([1]), to: dir + "/f")
    #expect(throws: FileError(dir + "/f/x.bin", "'\(dir)/f' is a file, not a folder")) {
      try FileAccess.write(Data([1]), to: dir + "/f/x.bin")
    }
  }

  @Test func readingAMissingFileSaysSo() throws {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: FileError(dir + "/nope.lua", "No such file or directory")) { _ = try FileAccess.readText(dir + "/nope.lua") }
    #expect(throws: FileError(dir, "Is a directory")) { _ = try FileAccess.readText(dir) }
  }

  @Test func foundationErrorsGiveTheSystemReason() {
    #expect(FileAccess.reason(CocoaError(.fileReadNoSuchFile)) == "No such file or directory")
    #expect(FileAccess.reason(CocoaError(.fileWriteNoPermission)) == "Permission denied")
    let wrapped = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                          userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))])
    #expect(FileAccess.reason(wrapped) == "Is a directory")
    #expect(FileAccess.reason(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOENT))) == "No such file or directory")
  }

  @Test func aFileWhoseSizeSaysNothingIsReadToItsEnd() throws {
    #if os(Linux)
    // /proc files report a size of 0.
    let text = try FileAccess.readText("/proc/self/status")
    #expect(text.contains("Name:"))
    #endif
  }

  @Test func aFifoIsRefusedWithoutWaiting() throws {
    let path = FileManager.default.temporaryDirectory.path + "/crescent-fifo-\(UInt32.random(in: 0...UInt32.max))"
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    #expect(throws: FileError(path, "not a regular file")) { try FileAccess.readText(path) }
  }
}
