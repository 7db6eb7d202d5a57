import Foundation
import Testing
@testable import RunStore

/// A process that opens one store file twice must not read its header through a descriptor of
/// its own while the first store holds it: closing that descriptor would drop the SQLite locks
/// the process holds on the file, and another process's writes could then damage it.
@Suite(.serialized) struct OpenStoreFileTests {
  @Test func aSecondStoreOnAnOpenFileDoesNotReadItsHeader() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("crescent.db").path
    var first: RunStore? = try RunStore(path: path)
    let reads = OpenStoreFiles.headerReads(path)
    var second: RunStore? = try RunStore(path: path)
    // Through a link too: the file is known by its identity, not its name.
    let link = folder.appendingPathComponent("link.db").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
    let third = try RunStore(path: link)
    #expect(OpenStoreFiles.headerReads(path) == reads && OpenStoreFiles.headerReads(link) == 0)
    _ = third
    first = nil
    second = nil
    _ = (first, second)
    // Two of three stores closed: the file is still open, so the next one does not look either.
    let fourth = try RunStore(path: path)
    _ = fourth
    #expect(OpenStoreFiles.headerReads(path) == reads)  // `third` still holds it
  }

  @Test func aClosedFileIsCheckedAgain() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("crescent.db").path
    var store: RunStore? = try RunStore(path: path)
    _ = store
    store = nil
    let reads = OpenStoreFiles.headerReads(path)
    _ = try RunStore(path: path)
    #expect(OpenStoreFiles.headerReads(path) == reads + 1)
  }
}
