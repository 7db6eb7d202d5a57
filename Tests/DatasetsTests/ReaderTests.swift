import Foundation
import Testing
import Tensors
@testable import Datasets

struct ReaderTests {
  @Test func arffWithMekaHeaderQuotesCommentsSparseRowsAndImputation() throws {
    let ds = try ArffReader.read(path: fixtures + "/good/meka.arff", options: ArffOptions(nominal: .onehot, missing: .mean))
    #expect(ds.featureNames == ["f one", "f\"two=a", "f\"two=b", "f\"two=c"])
    #expect(ds.labelNames == ["l1", "l2"])
    #expect(ds.x.scalars == [1.5, 0, 1, 0, 1.75, 0, 0, 1, 2, 1, 0, 0])
    #expect(ds.y.scalars == [0, 1, 1, 0, 0, 0])
    let index = try ArffReader.read(path: fixtures + "/good/meka.arff", options: ArffOptions(missing: .zero))
    #expect(index.x.scalars == [1.5, 1, 0, 2, 2, 0])
  }

  @Test func mulanLabelsAreCollectedFromNestedElements() throws {
    let xml = """
      <?xml version="1.0"?>
      <!-- a <label name="comment"> that does not count -->
      <labels xmlns="http://mulan.sourceforge.net/labels">
        <label name="root"><label name="a &amp; b"></label><label name='c'/></label>
      </labels>
      """
    #expect(try MulanLabels.parse(Array(xml.utf8), path: "h.xml") == ["root", "a & b", "c"])
  }

  @Test func csvRoundTrip() throws {
    var s = RandomStream(seed: 3)
    let ds = try MultilabelGenerator(samples: 50, features: 6, classes: 3).generate(stream: &s)
    let scaled = try Dataset(x: ds.x.applying(.mul, 0.37), y: ds.y, featureNames: ds.featureNames.map { "f,\($0)" }, labelNames: ds.labelNames)
    let path = temporaryPath("round.csv")
    try CsvWriter.write(scaled, to: path)
    let back = try CsvReader.read(path: path, options: .init(labels: .last(3)))
    #expect(back.x.scalars == scaled.x.scalars)
    #expect(back.y.scalars == scaled.y.scalars)
    #expect(back.featureNames == scaled.featureNames)
    let byPrefix = try CsvReader.read(path: path, options: .init(labels: .prefix("y")))
    #expect(byPrefix.y.scalars == scaled.y.scalars)
  }

  @Test func libsvmRoundTrip() throws {
    var s = RandomStream(seed: 4)
    let ds = try MultilabelGenerator(samples: 80, features: 10, classes: 4, allowUnlabeled: false).generate(stream: &s)
    let path = temporaryPath("round.svm")
    try LibSvmWriter.write(ds, to: path)
    let back = try LibSvmReader.read(path: path, features: 10, labels: 4)
    #expect(back.x.scalars == ds.x.scalars)
    #expect(back.y.scalars == ds.y.scalars)
  }

  @Test func libsvmLabelsFromZeroFeaturesFromOne() throws {
    let ds = try LibSvmReader.parse(Array("0,3 1:0.5 4:1\n 2:2 # no labels\n".utf8), path: "m.svm")
    #expect(ds.x.shape == [2, 4] && ds.y.shape == [2, 4])
    #expect(ds.x.scalars == [0.5, 0, 0, 1, 0, 2, 0, 0])
    #expect(ds.y.scalars == [1, 0, 0, 1, 0, 0, 0, 0])
  }

  @Test func npyDtypes() throws {
    func npy(_ descr: String, _ shape: String, _ payload: [UInt8]) -> [UInt8] {
      var header = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }".utf8)
      while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
      header.append(0x0A)
      return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + payload
    }
    let f4 = [Float(1.5), -2].flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
    #expect(try NpyReader.parse(npy("<f4", "(2,)", f4), path: "a.npy").scalars == [1.5, -2])
    let i8 = [Int64(3), 4, 5, 6].flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
    let t = try NpyReader.parse(npy("<i8", "(2, 2)", i8), path: "b.npy")
    #expect(t.shape == [2, 2] && t.scalars == [3, 4, 5, 6])
    #expect(dataError { try NpyReader.parse(npy("<f8", "(3,)", [0, 0]), path: "c.npy") }?.contains("truncated") == true)
  }

  @Test func gzipCsvReadsDirectly() throws {
    let d = try Digits.load()
    #expect(d.x.shape == [1797, 64] && d.y.shape == [1797, 1])
    var counts = [Int](repeating: 0, count: 10)
    for v in d.y.scalars { counts[Int(v)] += 1 }
    #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    #expect(try Digits.load(oneHot: true).y.shape == [1797, 10])
  }

  @Test func numbers() {
    func p(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, $0.count) } }
    #expect(p("1.5") == 1.5 && p("-0.25") == -0.25 && p("1e-5") == 1e-5 && p("+3") == 3 && p(".5") == 0.5)
    #expect(p("0.1234567890123456789012") == 0.1234567890123456789012)
    #expect(p("abc") == nil && p("1.2.3") == nil && p("") == nil && p("nan") == nil && p("1e") == nil && p("-") == nil)
  }
}
