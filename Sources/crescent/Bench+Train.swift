import ArgumentParser
import Foundation
import NN
import Tensors

/// Training throughput on the reference workloads, measured as the peer script does
/// (../shared/bench/torch_w.py): same shapes, data, optimizer and timing method.
struct TrainBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Time training steps of a reference network; prints a line ending samples_per_sec=<number>.",
    discussion: """
      w1: 768 → Dense 2048 relu → Dense 2048 relu → Dense 1001 sigmoid, BCE, Adam 1e-3, batch 128 (4,096 samples).
      w2: 103 → Dense 256 relu → Dense 14 sigmoid, BCE, Adam 1e-3, batch 32 (2,417 samples).
      w7: 32x32x3 → Conv2D 32 3x3 same relu → MaxPooling2D 2 → Conv2D 64 3x3 same relu → MaxPooling2D 2 → flatten \
      → Dense 10 softmax, categorical cross-entropy, Adam 1e-3, batch 64 (2,048 samples); also prints inference \
      (forward in batches of 64, one pass over the samples) as a second line.
      w8: 200 tokens of 20,000 → Embedding 128 → GlobalAveragePooling1D → Dense 256 relu → Dense 50 sigmoid, BCE, \
      Adam 1e-3, batch 64 (4,096 samples; the table's rows updated sparsely).
      With --mode (w2 only): W2 trained from a script one of four ways, fit (model:fit), custom (the hidden layer \
      written as nn.Custom), loop (the low-level loop, model:gradients then opt:step) or lua-loss (binary \
      cross-entropy written in Lua), --epochs epochs after a warm-up one (CPU time); the script is bench/w2_modes.lua's.
      After three warm-up steps, three timed runs (w1, w7: 20 steps; w2: three epochs' worth); the median is printed.
      With --metrics, then rounds of two 20-epoch fits, with and without the metrics (alternating which runs \
      first); prints the median rates and the median of the paired slowdowns, slowdown_percent=<number>. \
      With --record, the same with and without recording the fit into a run store (the run's row, \
      its heartbeat and every epoch's points, from opening the store to the run's end).
      """
  )

  @Option(help: "w1, w2, w7 or w8.") var workload: String = "w1"
  @Option(help: "w2 only: fit, custom, loop or lua-loss.") var mode: String?
  @Option(help: "Epochs timed with --mode.") var epochs: Int = 3
  @Option(help: "Threads to use (default: all cores).") var threads: Int?
  @Option(help: "Comma-separated training metrics: also time whole epochs of fit with and without them.")
  var metrics: String?

  @Option(help: "Rounds of the with/without comparison (with --metrics or --record).")
  var rounds: Int = 31
  @Flag(help: "Also time whole 20-epoch fits recorded into a run store (a temporary one) against unrecorded ones.")
  var record = false

  func validate() throws {
    guard rounds > 0 else { throw ValidationError("--rounds must be positive") }
    guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
    if mode != nil, workload != "w2" || metrics != nil || record {
      throw ValidationError("--mode times w2 alone (without --metrics or --record)")
    }
  }

  func run() throws {
    try Parallel.withThreads(threads ?? Parallel.maxThreads) { try measure() }
  }

  private func measure() throws {
    if let mode { return try Self.measureMode(mode, epochs: epochs) }
    if workload == "w8" { return try Self.measureEmbeddingWorkload() }
    if workload == "w7" {
      guard metrics == nil, !record else { throw ValidationError("--metrics and --record time w1 and w2 only") }
      return try measureConvolution()
    }
    let dims: [Int], batch: Int, n: Int, density: Float
    switch workload {
    case "w1": (dims, batch, n, density) = ([768, 2048, 2048, 1001], 128, 4096, 3.0 / 1001)
    case "w2": (dims, batch, n, density) = ([103, 256, 14], 32, 2417, 0.3)
    default: throw ValidationError("--workload expects w1, w2, w7 or w8, got '\(workload)'")
    }
    var r = RandomStream(seed: 0)
    let x = Tensor.randomNormal([n, dims[0]], stream: &r)
    let y = try Tensor.randomUniform([n, dims[dims.count - 1]], stream: &r).compared(.lt, Tensor(scalar: density))
    let model = Sequential(inputSize: dims[0], random: RandomStream(seed: 1))
    for (i, units) in dims.dropFirst().enumerated() {
      try model.add(Dense(units: units, activation: i == dims.count - 2 ? .sigmoid : .relu))
    }
    try model.compile(optimizer: Adam(learningRate: 1e-3), loss: BinaryCrossEntropy())
    // The batches the peer takes: rows s..<s+batch with s = (i·batch) mod (n − batch).
    let starts = (0..<(n / batch * 3 + 3)).map { ($0 * batch) % (n - batch) }
    var batches: [Int: (Tensor, Tensor)] = [:]
    for s in Set(starts) { batches[s] = (try x.rows(s..<(s + batch)), try y.rows(s..<(s + batch))) }
    func step(_ i: Int) throws {
      let (xb, yb) = batches[starts[i % starts.count]]!  // cannot fail: every start was filled above
      try model.trainOnBatch(x: xb, y: yb)
    }
    for i in 0..<3 { try step(i) }
    let steps = workload == "w1" ? 20 : n / batch * 3
    var rates: [Double] = []
    for _ in 0..<3 {
      let t0 = DispatchTime.now().uptimeNanoseconds
      for i in 0..<steps { try step(i) }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      rates.append(Double(steps * batch) / seconds)
    }
    rates.sort()
    print("train workload=\(workload) threads=\(Parallel.maxThreads) batch=\(batch) steps=\(steps) samples_per_sec=\(String(format: "%.0f", rates[1]))")
    if record { try recordingCost(model: model, x: x, y: y, batch: batch, n: n) }
    if let metrics {
      // Fits with and without the metrics, in pairs (PairedRates).
      let names = metrics.split(separator: ",").map(String.init), epochs = 20
      func fitRate(_ list: [String]) throws -> Double {
        try model.compile(optimizer: Adam(learningRate: 1e-3), loss: BinaryCrossEntropy(), metrics: list)
        var options = FitOptions()
        options.batchSize = batch
        options.epochs = epochs
        options.verbose = 0
        let t0 = DispatchTime.now().uptimeNanoseconds
        try model.fit(x: x, y: y, options: options)
        return Double(epochs * n) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
      }
      let rates = try PairedRates(rounds: rounds) { measured in try fitRate(measured ? names : []) }
      print("fit workload=\(workload) epochs=\(epochs) rounds=\(rounds) metrics=\(metrics) \(rates.summary)")
    }
  }
}
