import Foundation
import Testing
@testable import NN
import Tensors

/// LambdaLR and OneCycleLR: their rate sequences, worked by hand and from PyTorch's formula.
@Suite struct ScheduleTests {
  func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol * max(1, abs($1)) }
  }

  @Test func oneCycleCosine() throws {
    // PyTorch OneCycleLR(max_lr=1, total_steps=10), defaults pct_start 0.3, div_factor 25,
    // final_div_factor 1e4: 0.04 -> 1 over steps 0..2 (end step 0.3*10-1), then to 4e-6 at 9.
    let s = try OneCycleLR(maxLR: 1, total: 10)
    let expected = [0.04, 0.52, 1.0, 0.9504846320134737, 0.8117456539497631, 0.6112620219362893,
                    0.38874197806371075, 0.18825834605023697, 0.049519367986526286, 4e-06]
    #expect(close((0..<10).map(s.rate(at:)), expected))
  }

  @Test func oneCycleLinearAndThreePhase() throws {
    let linear = try OneCycleLR(maxLR: 0.1, total: 8, pctStart: 0.25, anneal: .linear)
    #expect(close((0..<8).map(linear.rate(at:)), [0.004, 0.1, 0.0833334, 0.0666668, 0.0500002, 0.0333336, 0.016667, 4e-07]))
    let three = try OneCycleLR(maxLR: 1, total: 10, threePhase: true)
    #expect(close((0..<10).map(three.rate(at:)), [0.04, 0.52, 1.0, 0.52, 0.04, 0.0361807218535102, 0.0261817218535102,
                                                   0.013822278146489805, 0.0038232781464898036, 4e-06]))
  }

  func data() -> (Tensor, Tensor) {
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([20, 2], stream: &r)
    return (x, Tensor.randomNormal([20, 1], stream: &r))
  }

  func model() throws -> Sequential {
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    try m.add(Dense(units: 1))
    try m.compile(optimizer: SGD(learningRate: 0.5), loss: MeanSquaredError())
    return m
  }

  @Test func oneCycleSetsTheRateBeforeEveryBatch() throws {
    let (x, y) = data(), m = try model()
    var seen: [Double] = []
    final class Probe: Callback {
      let record: (Double) -> Void
      init(_ r: @escaping (Double) -> Void) { record = r }
      func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) throws { record(model.optimizer!.learningRate) }
    }
    var o = FitOptions(); o.epochs = 2; o.batchSize = 10; o.verbose = 0
    let s = try OneCycleLR(maxLR: 1, total: 4, pctStart: 0.5)
    let h = try m.fit(x: x, y: y, options: o, callbacks: [s, Probe { seen.append($0) }])
    // Steps 0..3: 0.04 up to 1 at step 1 (end 0.5*4-1), then cosine down to 4e-6 at step 3.
    let expected = [0.04, 1, 4e-6 + (1 - 4e-6) / 2 * (cos(Double.pi / 2) + 1), 4e-6]
    #expect(close(seen, expected))
    #expect(close(h.values["lr"]!, [1, 4e-6]))
    // A third epoch would take steps beyond the cycle.
    o.epochs = 3
    #expect(throws: LayerError.self) { try m.fit(x: x, y: y, options: o, callbacks: [s]) }
  }

  @Test func lambdaLRChainsFromTheCurrentRate() throws {
    let (x, y) = data(), m = try model()
    var calls: [(Int, Double)] = []
    var o = FitOptions(); o.epochs = 4; o.verbose = 0
    let h = try m.fit(x: x, y: y, options: o, callbacks: [LambdaLR { epoch, lr in
      calls.append((epoch, lr))
      return epoch < 3 ? lr : lr * 0.1  // Keras's documented example, with epochs from 1
    }])
    #expect(calls.map(\.0) == [1, 2, 3, 4])
    #expect(close(calls.map(\.1), [0.5, 0.5, 0.5, 0.05]))
    #expect(close(h.values["lr"]!, [0.5, 0.5, 0.05, 0.005]))
  }

  @Test func lambdaLRRefusesANegativeRate() throws {
    let (x, y) = data(), m = try model()
    var o = FitOptions(); o.verbose = 0
    #expect(throws: LayerError.self) { try m.fit(x: x, y: y, options: o, callbacks: [LambdaLR { _, _ in -1 }]) }
  }
}
