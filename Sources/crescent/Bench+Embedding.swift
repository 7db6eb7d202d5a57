import Foundation
import NN
import Tensors

extension TrainBench {
  /// W8, embeddings: sequences of 200 tokens over a 20,000-word vocabulary → Embedding 128 →
  /// GlobalAveragePooling1D → Dense 256 relu → Dense 50 sigmoid, BCE, Adam 1e-3, batch 64
  /// (4,096 samples), timed as W2 (three warm-up steps, three runs of three epochs' worth of
  /// steps, the median printed). Tokens follow a Zipf-like law (`⌊20000^u⌋ − 1`, u uniform), as
  /// words do; 5% of the 50 labels are on. The peer is bench/torch_w8.py.
  static func measureEmbeddingWorkload() throws {
    let vocab = 20_000, steps = 200, dim = 128, hidden = 256, labels = 50, batch = 64, n = 4096
    var r = RandomStream(seed: 0)
    let logVocab = log(Double(vocab))
    var tokens = [Float](repeating: 0, count: n * steps)
    for i in 0..<tokens.count { tokens[i] = Float(min(vocab - 1, Int(exp(Double(r.uniform()) * logVocab)) - 1)) }
    let x = Tensor(shape: [n, steps], scalars: tokens)
    let y = try Tensor.randomUniform([n, labels], stream: &r).compared(.lt, Tensor(scalar: 0.05))
    let model = Sequential(inputShape: [steps], random: RandomStream(seed: 1))
    try model.add(try Embedding(inputDim: vocab, outputDim: dim))
    try model.add(GlobalAveragePooling1D())
    try model.add(Dense(units: hidden, activation: .relu))
    try model.add(Dense(units: labels, activation: .sigmoid))
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
    let count = n / batch * 3
    var rates: [Double] = []
    for _ in 0..<3 {
      let t0 = DispatchTime.now().uptimeNanoseconds
      for i in 0..<count { try step(i) }
      rates.append(Double(count * batch) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9))
    }
    rates.sort()
    print("train workload=w8 threads=\(Parallel.maxThreads) batch=\(batch) steps=\(count) samples_per_sec=\(String(format: "%.0f", rates[1]))")
  }
}
