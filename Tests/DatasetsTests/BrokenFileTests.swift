import Testing
@testable import Datasets

/// Every malformed file gives an error with the file, the line, the token and what was expected.
struct BrokenFileTests {
  static let cases: [(String, String)] = [
    ("not-a-number.arff", #"not-a-number.arff:7: column 2 ('b'): expected a number, got "abc""#),
    ("too-few-values.arff", "too-few-values.arff:7: expected 3 values, got 2"),
    ("too-many-values.arff", #"too-many-values.arff:6: expected 2 values, got more ("5" is value 3)"#),
    ("unknown-nominal.arff", #"unknown-nominal.arff:6: column 1 ('c'): expected one of {red,green}, got "blue""#),
    ("sparse-past-end.arff", "sparse-past-end.arff:7: sparse index 3 is past the last attribute (indices run 0..2)"),
    ("sparse-out-of-order.arff", "sparse-out-of-order.arff:6: sparse index 0 is out of order (after index 1; indices must increase)"),
    ("label-not-binary.arff", #"label-not-binary.arff:6: column 2 ('y'): expected a label value 0 or 1, got "2""#),
    ("missing-value.arff", #"missing-value.arff:5: column 1 ('a'): missing value "?" (pass missing = "mean" or "zero" to impute)"#),
    ("empty.arff", "empty.arff: the file is empty (expected an ARFF header)"),
    ("no-data.arff", "no-data.arff: no @data section (the header ends at line 3)"),
    ("string-attribute.arff", #"string-attribute.arff:2: attribute 'a': type "string" is not supported (expected numeric, real, integer or {nominal values})"#),
    ("missing-file.arff", "missing-file.arff: no such file"),
  ]

  @Test(arguments: cases)
  func arff(_ file: String, _ expected: String) {
    let path = fixtures + "/broken/" + file
    let m = dataError { try ArffReader.read(path: path, options: ArffOptions(lastLabels: 1)) }
    #expect(m == fixtures + "/broken/" + expected)
  }

  @Test func xmlLabelMissingFromArff() {
    let dir = fixtures + "/broken/"
    let m = dataError {
      try ArffReader.read(path: dir + "xml-label-missing.arff",
                          options: ArffOptions(labelNames: MulanLabels.read(path: dir + "labels.xml"), labelSource: "labels.xml"))
    }
    #expect(m == dir + "xml-label-missing.arff: label 'z' from labels.xml is not an attribute of this file")
  }

  @Test(arguments: [
    ("csv-not-a-number.csv", #"csv-not-a-number.csv:3: column 2 ('b'): expected a number, got "x""#),
    ("csv-label-not-binary.csv", #"csv-label-not-binary.csv:3: column 3 ('y'): expected a label value 0 or 1, got "2""#),
    ("csv-wrong-columns.csv", "csv-wrong-columns.csv:3: expected 3 columns, got 2"),
    ("csv-header-only.csv", "csv-header-only.csv: no data rows after the header"),
    ("truncated.csv.gz", "truncated.csv.gz: truncated gzip data (the compressed stream ends early, after 9 bytes of content)"),
  ])
  func csv(_ file: String, _ expected: String) {
    let m = dataError { try CsvReader.read(path: fixtures + "/broken/" + file, options: .init(labels: .last(1))) }
    #expect(m == fixtures + "/broken/" + expected)
  }

  @Test func libsvm() {
    let dir = fixtures + "/broken/"
    #expect(dataError { try LibSvmReader.read(path: dir + "svm-out-of-order.svm") }
            == dir + "svm-out-of-order.svm:2: feature index 1 is out of order (after 2; indices must increase)")
    #expect(dataError { try LibSvmReader.read(path: dir + "svm-not-a-number.svm") }
            == dir + #"svm-not-a-number.svm:2: feature 2: expected a number, got "abc""#)
    #expect(dataError { try LibSvmReader.read(path: dir + "svm-not-a-number.svm", features: 1) }
            == dir + "svm-not-a-number.svm:2: feature index 2 is past n_features = 1 (indices run 1..1)")
  }

  @Test func npy() {
    let dir = fixtures + "/broken/"
    #expect(dataError { try NpyReader.read(path: dir + "not-npy.npy") } == dir + #"not-npy.npy: not a NumPy .npy file (the magic string \x93NUMPY is missing)"#)
    var header = Array("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }".utf8)
    while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
    header.append(0x0A)
    let bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 255), UInt8(header.count >> 8)] + header + [0, 0, 0, 0]
    #expect(dataError { try NpyReader.parse(bytes, path: "h.npy") }?.hasPrefix(#"h.npy: dtype "<f2" is not supported"#) == true)
  }

  @Test func corruptGzip() {
    let bytes: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF]
    #expect(dataError { try Gzip.decompress(bytes, path: "c.gz") }?.hasPrefix("c.gz: corrupt gzip data") == true)
  }

  @Test func unlabelledArffSaysHowToName() {
    let m = dataError { try ArffReader.read(path: fixtures + "/broken/not-a-number.arff", options: ArffOptions()) }
    #expect(m?.contains("no labels given") == true)
  }
}
