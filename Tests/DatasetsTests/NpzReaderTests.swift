import Catalog
import Foundation
import Testing
@testable import Datasets
import StandardLibrary
import Tensors

/// .npz archives as NumPy 2.4.6 writes them (tests/python/make_npz.py): the arrays, by name,
/// with the values given to numpy.savez / savez_compressed.
struct NpzReaderTests {
  let stored = fixtures + "/good/numpy-stored.npz"
  let deflated = fixtures + "/good/numpy-deflated.npz"

  func named(_ arrays: [(name: String, tensor: Tensor)], _ name: String) -> Tensor? { arrays.first { $0.name == name }?.tensor }

  @Test func storedArchive() throws {
    let a = try NpzReader.read(path: stored)
    #expect(a.map(\.name) == ["x", "y"])
    #expect(named(a, "x")?.shape == [2, 3] && named(a, "x")?.scalars == [1.5, -2, 0.25, 3, 4.5, -0.125])
    #expect(named(a, "y")?.shape == [2, 2] && named(a, "y")?.scalars == [0, 1, 1, 1])
  }

  @Test func deflatedArchive() throws {
    let a = try NpzReader.read(path: deflated)
    #expect(a.map(\.name) == ["x", "w", "k", "big"])
    #expect(named(a, "w")?.scalars == [0.5, 2])
    #expect(named(a, "k")?.scalars == [-3, 7, 11])
    let big = try #require(named(a, "big"))
    #expect(big.shape == [1000, 4] && big.scalars == (0..<4000).map { Float($0) / 8 })
  }

  @Test func damagedArchivesAreErrorsNamingTheFile() throws {
    let bytes = try FileBytes.read(deflated)
    #expect(dataError { try NpzReader.parse([], path: "e.npz") }?.contains("e.npz: the file is empty") == true)
    #expect(dataError { try NpzReader.parse(Array("not a zip at all, only text".utf8), path: "t.npz") }?.contains("not a zip archive") == true)
    #expect(dataError { try NpzReader.parse(Array(bytes.prefix(bytes.count / 2)), path: "h.npz") }?.contains("h.npz: truncated") == true)
    var flipped = bytes
    flipped[100] ^= 0xFF  // inside the deflated x.npy (bytes 55 to 146)
    #expect(dataError { try NpzReader.parse(flipped, path: "f.npz") }?.contains("f.npz: member x.npy") == true)
  }

  /// A directory that claims more than deflate can expand to, or a zip64 size with its top bit
  /// set, is refused before anything is allocated.
  @Test func impossibleSizesAreRefusedBeforeAllocating() throws {
    let bytes = try FileBytes.read(deflated)
    let signature: [UInt8] = [0x50, 0x4B, 1, 2]  // a central directory entry
    let found = (0..<(bytes.count - 4)).first { (i: Int) -> Bool in Array(bytes[i..<(i + 4)]) == signature }
    let entry = try #require(found)
    var huge = bytes
    for k in 0..<4 { huge[entry + 24 + k] = [0xF0, 0xFF, 0xFF, 0x7F][k] }  // about 2 GB from a few bytes
    #expect(dataError { try NpzReader.parse(huge, path: "z.npz") }?.contains("z.npz: corrupt .npz archive (member x.npy claims") == true)
  }

  @Test func fromScripts() throws {
    let catalog = Catalog.standard()
    let got = try #require(catalog.entry("data.load_npz")).call([.string(stored)], in: Session(catalog: catalog))
    guard case .table(let fields)? = got.first, case .tensor(let x)? = fields.first(where: { $0.key == "x" })?.value else {
      Issue.record("not a table with x"); return
    }
    #expect(x.scalars == [1.5, -2, 0.25, 3, 4.5, -0.125])
  }
}
