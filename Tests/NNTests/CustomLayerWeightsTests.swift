import Catalog
import Testing
@testable import NN
import Tensors

/// A custom layer's forward reads the tensors it was made with; the model's weights are those
/// same tensors, so set_weights, a loaded file and restore_best_weights reach the forward.
@Suite struct CustomLayerWeightsTests {
  /// `x · w`, reading `w` as a script's forward reads its table's tensor.
  func model(_ w: Tensor) throws -> Sequential {
    let forward = HostFunction { args in
      guard case .tensor(let x) = args[1] else { return [] }
      return [.tensor(try x.matmul(w))]
    }
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    try m.add(try ScriptLayer(forward: forward, table: .table([]), parameters: [("w", w)]))
    try m.compile(optimizer: SGD(learningRate: 0.1), loss: MeanSquaredError())
    return m
  }

  let x = Tensor(shape: [1, 2], scalars: [1, 1])

  @Test func setWeightsReachesTheForward() throws {
    let m = try model(Tensor(shape: [2, 1], scalars: [0, 0]).requiringGradient())
    try m.setWeights([Tensor(shape: [2, 1], scalars: [2, 3])])
    #expect(try m.predict(x).scalars == [5])
    #expect(m.weights()[0].scalars == [2, 3])
  }

  @Test func gradientsFlowAfterSetWeights() throws {
    let m = try model(Tensor(shape: [2, 1], scalars: [0, 0]).requiringGradient())
    try m.setWeights([Tensor(shape: [2, 1], scalars: [2, 3])])
    // loss = (x·w − y)², d/dw = 2 (x·w − y) xᵀ = 2 · 5 · (1, 1).
    let r = try m.gradients(x: x, y: Tensor(shape: [1, 1], scalars: [0]))
    #expect(r.loss == 25)
    #expect(r.gradients[0].scalars == [10, 10])
    try m.trainOnBatch(x: x, y: Tensor(shape: [1, 1], scalars: [0]))
    #expect(m.weights()[0].scalars == [1, 2])
  }

  @Test func setWeightsChecksShapes() throws {
    let m = try model(Tensor(shape: [2, 1], scalars: [0, 0]).requiringGradient())
    #expect(throws: LayerError.self) { try m.setWeights([Tensor(shape: [1, 2], scalars: [2, 3])]) }
  }

  @Test func restoreBestWeightsReachesTheForward() throws {
    // A rate so high that the loss grows every epoch after the first: the best weights are
    // those after epoch 1, and predictions afterwards must be made with them.
    let w = Tensor(shape: [2, 1], scalars: [0.5, -0.5]).requiringGradient()
    let m = try model(w)
    try m.compile(optimizer: SGD(learningRate: 1.5), loss: MeanSquaredError())
    var r = RandomStream(seed: 2)
    let xs = Tensor.randomNormal([16, 2], stream: &r)
    let ys = try xs.matmul(Tensor(shape: [2, 1], scalars: [1, 2]))
    final class Recorder: Callback {
      var snapshots: [[Tensor]] = []
      func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws { snapshots.append(model.weights()) }
    }
    let recorder = Recorder()
    let stop = EarlyStopping(monitor: "loss", patience: 1, restoreBestWeights: true)
    var o = FitOptions(); o.epochs = 20; o.verbose = 0; o.batchSize = 16; o.shuffle = false
    let h = try m.fit(x: xs, y: ys, options: o, callbacks: [recorder, stop])
    let best = try #require(stop.bestEpoch)
    #expect(h.values["loss"]!.count < 20)
    #expect(m.weights()[0].scalars == recorder.snapshots[best][0].scalars)
    #expect(try m.predict(xs).scalars == xs.matmul(recorder.snapshots[best][0]).scalars)
  }
}
