import Catalog
import Foundation
import NN
import RunStore
import Tensors

extension TrainBench {
  /// Rounds of two 20-epoch fits, one recorded into a run store and one not (alternating which
  /// goes first); prints the median rates and the median of the paired slowdowns.
  func recordingCost(model: Sequential, x: Tensor, y: Tensor, batch: Int, n: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-record-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let epochs = 20
    try model.compile(optimizer: Adam(learningRate: 1e-3), loss: BinaryCrossEntropy())
    func fitRate(recorded: Bool) throws -> Double {
      var options = FitOptions()
      options.batchSize = batch
      options.epochs = epochs
      options.verbose = 0
      let t0 = DispatchTime.now().uptimeNanoseconds
      if recorded {
        // Everything `crescent run` adds: opening the store, the run's row, the heartbeat,
        // every epoch's points, the end of the run.
        let store = try RunStore(path: folder.appendingPathComponent("crescent.db").path)
        let recording = try RunRecording(store: store, start: RunStart(experiment: "bench", host: .current(version: Crescent.version)))
        recording.startHeartbeat()
        options.runLog = RunLog { name, value, step in recording.log(name, value, step: step) }
        try model.fit(x: x, y: y, options: options)
        try recording.finish(.completed)
      } else {
        try model.fit(x: x, y: y, options: options)
      }
      return Double(epochs * n) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    let rates = try PairedRates(rounds: rounds) { recorded in try fitRate(recorded: recorded) }
    print("fit workload=\(workload) epochs=\(epochs) rounds=\(rounds) recorded \(rates.summary)")
  }
}
