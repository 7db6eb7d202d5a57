import Testing
@testable import NN
import Tensors

/// Sizes a script gives (input_dim, batch_size, epochs) that would overflow a count are
/// errors naming the option (they used to trap).
@Suite struct NNSizeLimitTests {
  func message(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let e as LayerError { return e.message } catch { return "\(error)" }
  }

  @Test func aKernelTooLargeForATensorIsRefusedAtBuild() throws {
    let m = Sequential(inputSize: 1 << 62, random: RandomStream(seed: 1))
    let dense = Dense(units: 4)
    #expect(message { try m.add(dense); try m.build() } == "\(dense.name) would take 4611686018427387904 features; expected at most 17179869184")
    let wide = Sequential(inputSize: 1 << 20, random: RandomStream(seed: 1))
    let d2 = Dense(units: 1 << 20)
    #expect(message { try wide.add(d2); try wide.build() }
            == "\(d2.name): a kernel of 1048576 inputs x 1048576 units is too large (at most 17179869184 values)")
  }

  @Test func aHugeBatchSizeIsOneBatch() throws {
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    try m.add(Dense(units: 1, activation: .sigmoid))
    try m.compile(optimizer: SGD(learningRate: 0.1), loss: BinaryCrossEntropy())
    let x = Tensor(shape: [3, 2], scalars: [0.5, 1, 1, 2, 0, -1]), y = Tensor(shape: [3, 1], scalars: [0, 1, 1])
    var o = FitOptions(); o.verbose = 0; o.batchSize = Int.max
    let h = try m.fit(x: x, y: y, options: o)
    #expect(h.values["loss"]?.count == 1)
    o.batchSize = 1; o.epochs = Int.max
    #expect(message { _ = try m.fit(x: x, y: y, options: o) } == "epochs = \(Int.max) of 3 steps each is more steps than can be counted")
  }
}
