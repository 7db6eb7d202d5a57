import Catalog
import Foundation
import CrescentMetrics
import Synchronization
import TestSupport
import Testing
@testable import NN
import Tensors

/// What fit hands back goes where it is told: validation metrics made once per fit and
/// started afresh every epoch, checkpoints written by the model-file writer.
@Suite struct FitObserverTests {
  func data() throws -> (Tensor, Tensor) {
    var r = RandomStream(seed: 4)
    let x = Tensor.randomNormal([48, 4], stream: &r)
    let y = try x.matmul(Tensor.randomNormal([4, 2], stream: &r)).compared(.gt, Tensor(scalar: 0))
    return (x, y)
  }

  func network(metrics: [String] = [], in catalog: Catalog? = nil) throws -> Sequential {
    let m = Sequential(inputSize: 4, random: RandomStream(seed: 1))
    try m.add(Dense(units: 6, activation: .tanh))
    try m.add(Dense(units: 2, activation: .sigmoid))
    try m.compile(optimizer: SGD(learningRate: 0.5), loss: BinaryCrossEntropy(), metrics: metrics, in: catalog)
    return m
  }

  func options(epochs: Int, validation: (Tensor, Tensor)? = nil) -> FitOptions {
    var o = FitOptions(); o.epochs = epochs; o.verbose = 0; o.batchSize = 16; o.shuffle = false
    o.validation = validation
    return o
  }

  @Test func validationMetricsAreMadeOncePerFitAndResetEachEpoch() throws {
    let catalog = Catalog()
    let counted = Mutex(0)
    var made: Int { counted.withLock { $0 } }
    try TrainingMetrics.register("counted_hamming", higherIsBetter: false, in: catalog) { _ in
      counted.withLock { $0 += 1 }
      return try! TrainingMetrics.make("hamming_loss")
    }
    let (x, y) = try data()
    let vx = try x.rows(0..<20), vy = try y.rows(0..<20)
    let net = try network(metrics: ["counted_hamming", "roc_auc_macro"], in: catalog)
    #expect(made == 1)  // the training stream, made at compile
    let history = try net.fit(x: x, y: y, options: options(epochs: 4, validation: (vx, vy)))
    #expect(made == 2)  // one validation stream for the whole fit
    // The last epoch's validation values are those of that epoch alone: the same as evaluating now.
    let now = try net.evaluate(x: vx, y: vy)
    #expect(history.values["val_counted_hamming"]!.last! == now["counted_hamming"]!)
    #expect(history.values["val_roc_auc_macro"]!.last! == now["roc_auc_macro"]!)
    #expect(Set(history.values["val_loss"]!).count == 4)
  }

  @Test func checkpointsAreWrittenByTheModelFileWriter() throws {
    let folder = NSTemporaryDirectory() + "crescent-checkpoint-\(UInt32.random(in: 0...UInt32.max))"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (x, y) = try data()
    let net = try network(metrics: ["f1_micro"])
    let ck = try ModelCheckpoint(path: folder + "/m-{epoch}.safetensors", monitor: "loss")
    try net.fit(x: x, y: y, options: options(epochs: 2), callbacks: [ck])
    #expect(ck.saved == [folder + "/m-1.safetensors", folder + "/m-2.safetensors"])
    let back = try ModelFile.load(folder + "/m-2.safetensors", in: try nnSession())
    #expect(back.metrics == ["f1_micro"])
    for (a, b) in zip(back.network.parameters, net.parameters) { #expect(a.value.scalars == b.value.scalars) }
  }
}
