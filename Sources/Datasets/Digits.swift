import Catalog
import Foundation
import Tensors

/// The 8x8 handwritten digits (1797 examples, 64 pixel features 0..16, 10 classes), shipped
/// as a resource: a copy of the UCI optical digits test set as scikit-learn distributes it.
public enum Digits {
  public static func load(oneHot: Bool = false) throws -> Dataset {
    guard let url = Bundle.module.url(forResource: "digits.csv", withExtension: "gz") else {
      throw DataError("the digits resource (digits.csv.gz) is missing from the Datasets bundle")
    }
    let path = url.path
    // Crescent's own file, read wherever it is installed, whatever folders the script may read.
    let bytes = try FilePolicy.$current.withValue(.unrestricted) { try FileBytes.read(path) }
    let m = try CsvReader.parse(bytes, path: path, header: false, delimiter: UInt8(ascii: ","))
    guard m.columns == 65 else { throw DataError("\(path): expected 65 columns, got \(m.columns)") }
    let x = CsvReader.select(m, Array(0..<64))
    let classes = CsvReader.select(m, [64])
    let featureNames = (0..<64).map { "pixel_\($0 / 8)_\($0 % 8)" }
    if oneHot {
      return try Dataset(x: x, y: try Encoding.oneHot(classes, classes: 10), featureNames: featureNames,
                         labelNames: (0..<10).map(String.init), name: "digits")
    }
    return try Dataset(x: x, y: classes, featureNames: featureNames, labelNames: ["class"], name: "digits")
  }

  /// The digits as images: x `[1797, 8, 8, 1]` (height, width, channels, as a convolution
  /// takes them; pixel (r, c) is feature `pixel_r_c`) and y as `load` gives it.
  public static func images(oneHot: Bool = false) throws -> (x: Tensor, y: Tensor) {
    let d = try load(oneHot: oneHot)
    return (try d.x.reshaped([d.x.shape[0], 8, 8, 1]), d.y)
  }
}
