import Catalog
import Foundation
import StandardLibrary
import Testing
import Tensors
@testable import Datasets

/// Images as rank-4 channels-last tensors: NPY files keep their four axes, and the digits come
/// as 8x8 one-channel images.
struct ImageDataTests {
  nonisolated(unsafe) static let catalog = Catalog.standard()

  func call(_ name: String, _ args: Value...) throws -> [Value] { try Self.catalog.entry(name)!.call(args, in: Session(catalog: Self.catalog)) }
  func tensor(_ v: Value?) -> Tensor? {
    if case .tensor(let t)? = v { return t }
    return nil
  }

  /// Files numpy.save wrote (tests/python/make_conv.py) from arange(48).reshape(2, 3, 4, 2).
  @Test(arguments: [("numpy-nhwc.npy", Float(8)), ("numpy-nhwc-int64.npy", Float(1))])
  func rank4NpyKeepsItsShape(_ file: String, _ divisor: Float) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/good/\(file)").path
    let t = try #require(tensor(try FilePolicy.$current.withValue(.unrestricted) { try call("data.load_npy", .string(path)).first }))
    #expect(t.shape == [2, 3, 4, 2])
    #expect(t.scalars == (0..<48).map { Float($0) / divisor })
  }

  @Test func digitsAsImages() throws {
    let out = try call("data.digits", .table([(key: "images", value: .bool(true)), (key: "one_hot", value: .bool(true))]))
    let x = try #require(tensor(out.first)), y = try #require(tensor(out.dropFirst().first))
    #expect(x.shape == [1797, 8, 8, 1] && y.shape == [1797, 10])
    // Pixel (r, c) of an image is feature r·8 + c of the dataset's row.
    let d = try Digits.load(oneHot: true)
    #expect(x.scalars == d.x.scalars && y.scalars == d.y.scalars)
    #expect(d.featureNames[3 * 8 + 5] == "pixel_3_5")
    // Without images, the dataset as before.
    guard case .object(let o)? = try call("data.digits").first, let plain = o as? Dataset else {
      Issue.record("data.digits() did not return a dataset"); return
    }
    #expect(plain.x.shape == [1797, 64])
  }
}
