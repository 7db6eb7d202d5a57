import Catalog
import Foundation
import TestSupport
import Testing
@testable import NN
import Tensors

/// The strict reader: every corruption is a clear error naming what is wrong.
@Suite struct SafetensorsTests {
  func file(header: String, data: [UInt8] = [], declared: UInt64? = nil) -> Data {
    var d = Data()
    var n = (declared ?? UInt64(header.utf8.count)).littleEndian
    withUnsafeBytes(of: &n) { d.append(contentsOf: $0) }
    d.append(contentsOf: Array(header.utf8))
    d.append(contentsOf: data)
    return d
  }

  func message(_ d: Data) -> String {
    do { _ = try Safetensors.parse(d, path: "m.safetensors"); return "no error" } catch { return "\(error)" }
  }

  let eight = [UInt8](repeating: 0, count: 8)

  @Test func roundTrip() throws {
    let path = NSTemporaryDirectory() + "crescent-roundtrip-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6.5]), b = Tensor(shape: [1], scalars: [-1])
    try Safetensors.write([("a", a), ("b", b)], metadata: ["k": "v"], to: path)
    let f = try Safetensors.read(path)
    #expect(f.metadata == ["k": "v"])
    #expect(f.tensors.map(\.name) == ["a", "b"])
    #expect(f.tensors[0].tensor.scalars == a.scalars && f.tensors[0].tensor.shape == [2, 3])
  }

  @Test func aFileLargerThanTheBudgetIsNotRead() throws {
    let path = NSTemporaryDirectory() + "crescent-budget-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Safetensors.write([("w", Tensor(shape: [512, 1024], repeating: 0))], metadata: [:], to: path)  // 2 MiB of data
    let refused = MemoryBudget.$current.withValue(MemoryBudget(limit: 1 << 20)) { () -> String in
      do { _ = try Safetensors.read(path); return "no error" } catch { return "\(error)" }
    }
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(refused.contains("reading its \(size) bytes needs \(2 * size) bytes"))
    #expect(refused.hasSuffix("memory limit exceeded"))
    let f = try MemoryBudget.$current.withValue(MemoryBudget(limit: 16 << 20)) { try Safetensors.read(path) }
    #expect(f.tensors.first?.tensor.shape == [512, 1024])
  }

  @Test func corruptFilesAreNamedErrors() {
    #expect(message(Data([1, 2, 3])) == "m.safetensors: file of 3 bytes is too short for a safetensors header")
    #expect(message(file(header: "{}", declared: 1 << 40)) == "m.safetensors: header length 1099511627776 is larger than the limit of 100000000 bytes")
    #expect(message(file(header: "{}", declared: 50)) == "m.safetensors: header length 50 runs past the end of the file (10 bytes)")
    #expect(message(file(header: "[1]")) == "m.safetensors: header does not start with '{'")
    #expect(message(file(header: "{\"a\": ")) == "m.safetensors: header is not valid JSON")
    #expect(message(file(header: #"{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]))
            == "m.safetensors: tensor 'a' has dtype F16; only F32 is supported")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: eight))
            == "m.safetensors: tensor 'a' of shape 3 needs 12 bytes, its offsets span 8")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: eight + [1]))
            == "m.safetensors: 1 trailing bytes after the last tensor")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: eight))
            == "m.safetensors: tensor 'b' overlaps another tensor's data")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: eight))
            == "m.safetensors: 4 bytes before tensor 'a' belong to no tensor")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#, data: eight))
            == "m.safetensors: tensor 'a' has data_offsets [0, 16] outside the 8 data bytes")
    #expect(message(file(header: #"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, data: eight))
            == "m.safetensors: tensor 'a' has a shape that is not a list of non-negative integers")
    #expect(message(file(header: #"{"__metadata__":{"x":1}}"#)) == "m.safetensors: __metadata__ value 'x' is not a string")
  }

  @Test func modelsRoundTripWithArchitectureAndCompileSettings() throws {
    let path = NSTemporaryDirectory() + "crescent-model-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let net = Sequential(inputSize: 5, random: RandomStream(seed: 2))
    try net.add(Dense(units: 7, activation: .elu))
    try net.add(LayerNormalization())
    try net.add(Dense(units: 2, activation: .sigmoid))
    try net.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9), loss: BinaryCrossEntropy(posWeight: [1, 2]))
    try ModelFile.save(Model(net), to: path)
    let back = try ModelFile.load(path, in: try nnSession())
    var r = RandomStream(seed: 1)
    let x = Tensor.randomNormal([3, 5], stream: &r)
    #expect(try back.network.predict(x).scalars == net.predict(x).scalars)
    #expect((back.network.optimizer as? SGD)?.momentum == 0.9)
    #expect((back.network.loss as? BinaryCrossEntropy)?.posWeight == [1, 2])
    #expect(back.network.layers.map(\.name) == ["dense_1", "layer_normalization_1", "dense_2"])
  }
}
