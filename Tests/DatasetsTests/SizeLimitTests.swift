import Testing
@testable import Datasets
import Tensors

/// Files and options that claim more values than a tensor can hold, and class indices that
/// are not finite, are errors naming the file or the option (they used to trap).
@Suite struct SizeLimitTests {
  func npy(shape: String) -> [UInt8] {
    var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }".utf8)
    while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
    header.append(0x0A)
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 255), UInt8(header.count >> 8)] + header
  }

  @Test func npyShapeWhoseCountOverflows() {
    #expect(dataError { try NpyReader.parse(npy(shape: "(4611686018427387904, 4)"), path: "h.npy") }
            == "h.npy: shape 4611686018427387904x4 in the .npy header is too large (at most 17179869184 values)")
    // The element count fits in Int, the byte count does not.
    #expect(dataError { try NpyReader.parse(npy(shape: "(2305843009213693952, 2)"), path: "h.npy") }
            == "h.npy: shape 2305843009213693952x2 in the .npy header is too large (at most 17179869184 values)")
    #expect(dataError { try NpyReader.parse(npy(shape: "(2,)") + [0, 0, 128, 63, 0, 0, 0, 64], path: "h.npy") } == nil)
  }

  @Test func libsvmLabelWhoseColumnsOverflow() {
    let text = "999999999999999999 1:1\n" + String(repeating: "0 1:1\n", count: 10)
    #expect(dataError { try LibSvmReader.parse(Array(text.utf8), path: "h.svm") }
            == "h.svm: 11 rows of 1 features and 1000000000000000000 labels are too large for a tensor (at most 17179869184 values each)")
    #expect(dataError { try LibSvmReader.parse(Array("0 1:1\n".utf8), path: "h.svm", features: 1 << 62) }
            == "h.svm: 1 rows of 4611686018427387904 features and 1 labels are too large for a tensor (at most 17179869184 values each)")
  }

  @Test func oneHotOfClassesThatAreNotFinite() {
    for v in [Float.infinity, 1e30, -.infinity, .nan] {
      #expect(dataError { try Encoding.oneHot(Tensor(shape: [2], scalars: [1, v]), classes: 3) }
              == "row 2: class \(Tensor.format(v)) is not an integer in 0..2")
    }
    #expect(dataError { try Encoding.oneHot(Tensor(shape: [1], scalars: [0]), classes: 1 << 62) }
            == "1 rows of 4611686018427387904 classes are too large for a tensor (at most 17179869184 values)")
  }

  @Test func generatorsOfAHugeSize() {
    var s = RandomStream(seed: 1)
    #expect(dataError { try BlobGenerator(samples: 1 << 62, features: 4).generate(stream: &s) }
            == "n_samples = 4611686018427387904, n_features = 4 and centers = 3 are too large for a tensor (at most 17179869184 values)")
    #expect(dataError { try MultilabelGenerator(samples: 10, features: 1 << 62, classes: 3).generate(stream: &s) }
            == "n_samples = 10, n_features = 4611686018427387904 and n_classes = 3 are too large for a tensor (at most 17179869184 values)")
  }
}
