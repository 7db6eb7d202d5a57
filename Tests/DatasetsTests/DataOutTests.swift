import Catalog
import Foundation
import StandardLibrary
import Testing
import Tensors
@testable import Datasets

/// save_npy against files NumPy wrote; datasets from tensors; the scalers against scikit-learn
/// 1.9.1 (tests/python/make_scalers.py wrote the files).
struct DataOutTests {
  // Built once, then only read: the tests call its entries, each in a session of its own.
  nonisolated(unsafe) static let catalog = Catalog.standard()

  func call(_ name: String, _ args: Value...) throws -> [Value] { try Self.catalog.entry(name)!.call(args, in: Session(catalog: Self.catalog)) }
  func message(_ name: String, _ args: Value...) -> String {
    do { _ = try Self.catalog.entry(name)!.call(args, in: Session(catalog: Self.catalog)); return "no error" } catch { return "\(error)" }
  }
  static func options(_ pairs: (String, Value)...) -> Value { .table(pairs.map { (key: $0.0, value: $0.1) }) }
  static func tensor(_ rows: [[Double]]) -> Tensor {
    Tensor(shape: [rows.count, rows[0].count], scalars: rows.flatMap { $0.map(Float.init) })
  }
  func tensor(_ v: Value) -> Tensor {
    if case .tensor(let t) = v { return t }
    Issue.record("not a tensor: \(v.summary)"); return Tensor(shape: [0])
  }
  func dataset(_ v: Value) -> Dataset? {
    if case .object(let o) = v { return o as? Dataset }
    return nil
  }

  @Test func saveNpyWritesWhatNumpyWrites() throws {
    let cases: [(String, Tensor)] = [
      ("numpy-3x2.npy", Tensor(shape: [3, 2], scalars: [1.5, -2, 0.1, 3e38, -0.0, 7.25])),
      ("numpy-vector.npy", Tensor(shape: [5], scalars: (0..<5).map { Float($0) / 3 })),
      ("numpy-scalar.npy", Tensor(scalar: 2.5)),
    ]
    for (file, t) in cases {
      let numpy = try FileBytes.read(fixtures + "/good/" + file)
      #expect(NpyWriter.bytes(t) == numpy, "\(file): the bytes differ from numpy.save's")
      let path = temporaryPath(file)
      _ = try call("data.save_npy", .tensor(t), .string(path))
      #expect(try FileBytes.read(path) == numpy)
      let back = try NpyReader.read(path: path)
      #expect(back.shape == t.shape && back.scalars.map(\.bitPattern) == t.scalars.map(\.bitPattern))
    }
    // The header is padded to 64 bytes whatever the shape.
    for shape in [[1, 1], [123456, 7], [0, 3], [10]] {
      let bytes = NpyWriter.bytes(Tensor(shape: shape))
      let headerEnd = 10 + Int(bytes[8]) + Int(bytes[9]) << 8
      #expect(headerEnd % 64 == 0 && bytes[headerEnd - 1] == UInt8(ascii: "\n"))
      #expect(bytes.count == headerEnd + 4 * shape.reduce(1, *))
    }
    let folder = NSTemporaryDirectory() + "crescent-npy-folder-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(message("data.save_npy", .tensor(Tensor(scalar: 1)), .string(folder)) == "data.save_npy: \(folder): Is a directory")
    let nested = folder + "/a/b.npy"
    #expect(message("data.save_npy", .tensor(Tensor(scalar: 1)), .string(nested)) == "no error")
    #expect(FileManager.default.fileExists(atPath: nested))
  }

  @Test func datasetFromTensors() throws {
    let x = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]), y = Tensor(shape: [3, 1], scalars: [0, 1, 1])
    let made = try call("data.Dataset", Self.options(("x", .tensor(x)), ("y", .tensor(y)),
                                                     ("feature_names", .list([.string("a"), .string("b")])), ("name", .string("mine"))))
    let ds = try #require(dataset(made[0]))
    #expect(ds.x.scalars == x.scalars && ds.y.scalars == y.scalars)
    #expect(ds.featureNames == ["a", "b"] && ds.labelNames == ["y1"] && ds.summary == "Dataset(mine: 3 x 2, 1 label)")
    #expect(message("data.Dataset", Self.options(("x", .tensor(x)), ("y", .tensor(Tensor(shape: [3], scalars: [0, 1, 1]))))) ==
            "data.Dataset: option 'y' must be an n x L matrix, got a 3 tensor (a vector of class indices: y:reshape(3, 1))")
    #expect(message("data.Dataset", Self.options(("x", .tensor(x)), ("y", .tensor(Tensor(shape: [2, 1]))))) ==
            "data.Dataset: 'x' has 3 rows but 'y' has 2; they must have one row per example")
    #expect(message("data.Dataset", Self.options(("x", .tensor(Tensor(shape: [6], scalars: x.scalars))), ("y", .tensor(y)))) ==
            "data.Dataset: option 'x' must be an n x d matrix, got a 6 tensor")
    #expect(message("data.Dataset", Self.options(("x", .tensor(x)), ("y", .tensor(y)), ("label_names", .list([.string("a"), .string("b")])))) ==
            "data.Dataset: option 'label_names' has 2 names for 1 columns")
    #expect(message("data.Dataset", Self.options(("y", .tensor(y)))) == "data.Dataset: option 'x' is required: expected a tensor")
  }

  // Read once and never changed; `Any` (the JSON tree) is what keeps it from being Sendable.
  nonisolated(unsafe) static let scalers: [String: Any] = {
    let url = URL(fileURLWithPath: fixtures + "/good/sklearn-scalers.json")
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }()
  static func rows(_ key: String, in d: [String: Any] = scalers) -> [[Double]] {
    (d[key] as! [[NSNumber]]).map { $0.map(\.doubleValue) }
  }

  func expectClose(_ a: Tensor, _ b: [[Double]], _ what: String) {
    let e = b.flatMap { $0 }
    #expect(a.scalars.count == e.count, "\(what): shape")
    for (k, (x, y)) in zip(a.scalars, e).enumerated() {
      #expect(abs(Double(x) - y) <= 2e-6 * max(1, abs(y)), "\(what)[\(k)]: \(x) vs scikit-learn \(y)")
    }
  }

  @Test func scalersAreScikitLearns() throws {
    let train = Self.tensor(Self.rows("train")), test = Self.tensor(Self.rows("test"))
    let made: [(String, Value)] = [
      ("standard", try call("data.StandardScaler")[0]),
      ("min_max", try call("data.MinMaxScaler")[0]),
      ("min_max_range", try call("data.MinMaxScaler", Self.options(("feature_range", .list([.number(-1), .number(3)]))))[0]),
    ]
    for (name, scaler) in made {
      let expected = Self.scalers[name] as! [String: Any]
      _ = try call("Scaler:fit", scaler, .tensor(train))
      let t = tensor(try call("Scaler:transform", scaler, .tensor(test))[0])
      expectClose(t, Self.rows("transform", in: expected), "\(name) transform")
      let back = tensor(try call("Scaler:inverse_transform", scaler, .tensor(t))[0])
      expectClose(back, Self.rows("inverse_of_transform", in: expected), "\(name) inverse of transform")
      expectClose(back, Self.rows("test"), "\(name) round trip")
      expectClose(tensor(try call("Scaler:inverse_transform", scaler, .tensor(test))[0]), Self.rows("inverse_of_test", in: expected), "\(name) inverse")
    }
  }

  @Test func scalersKeepDatasetsDatasets() throws {
    let x = Tensor(shape: [3, 2], scalars: [1, 10, 2, 20, 3, 30]), y = Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1])
    let ds = try Dataset(x: x, y: y, featureNames: ["a", "b"], labelNames: ["p", "q"], name: "d")
    let scaler = try call("data.MinMaxScaler", Self.options(("feature_range", .list([.number(-1), .number(1)]))))[0]
    let scaled = try #require(dataset(try call("Scaler:fit_transform", scaler, .object(ds))[0]))
    #expect(scaled.x.scalars == [-1, -1, 0, 0, 1, 1] && scaled.y.scalars == y.scalars)
    #expect(scaled.featureNames == ["a", "b"] && scaled.labelNames == ["p", "q"] && scaled.name == "d")
    let back = try #require(dataset(try call("Scaler:inverse_transform", scaler, .object(scaled))[0]))
    #expect(back.x.scalars == x.scalars)
    #expect(tensor(try call("Scaler:transform", scaler, .tensor(x))[0]).scalars == scaled.x.scalars)
  }

  @Test func featureRangeIsChecked() {
    #expect(message("data.MinMaxScaler", Self.options(("feature_range", .list([.number(1), .number(1)])))) ==
            "data.MinMaxScaler: the feature range's minimum (1) must be smaller than its maximum (1)")
    #expect(message("data.MinMaxScaler", Self.options(("feature_range", .list([.number(0)])))) ==
            "data.MinMaxScaler: option 'feature_range' expects {low, high}, got 1 number")
    #expect(message("data.MinMaxScaler", Self.options(("feature_range", .list([.number(0), .number(2)])), ("low", .number(0)))) ==
            "data.MinMaxScaler: give option 'feature_range' or 'low' and 'high', not both")
    #expect(message("data.min_max", .tensor(Tensor(shape: [2, 1], scalars: [1, 2])), Self.options(("low", .number(2)))) ==
            "data.min_max: the feature range's minimum (2) must be smaller than its maximum (1)")
  }
}
