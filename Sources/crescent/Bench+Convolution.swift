import ArgumentParser
import Dispatch
import Foundation
import NN
import Tensors

/// W7, the convolution workload, timed as its peer (bench/torch_w7.py) does: 32x32x3 images,
/// Conv2D 32 3x3 same relu → MaxPooling2D 2 → Conv2D 64 3x3 same relu → MaxPooling2D 2 →
/// flatten → Dense 10 softmax, categorical cross-entropy, Adam 1e-3, batch 64.
extension TrainBench {
  static let w7Samples = 2048, w7Batch = 64, w7Steps = 20

  func measureConvolution() throws {
    let n = Self.w7Samples, batch = Self.w7Batch
    var r = RandomStream(seed: 0)
    let x = Tensor.randomNormal([n, 32, 32, 3], stream: &r)
    var y = Tensor.zeros([n, 10])
    y.withUnsafeMutableBufferPointer { p in
      for i in 0..<n { p[i * 10 + Int(r.uniform() * 10) % 10] = 1 }
    }
    let model = Sequential(inputShape: [32, 32, 3], random: RandomStream(seed: 1))
    try model.add(Conv2D(filters: 32, kernelSize: (3, 3), padding: .same, activation: .relu))
    try model.add(MaxPooling2D(poolSize: (2, 2)))
    try model.add(Conv2D(filters: 64, kernelSize: (3, 3), padding: .same, activation: .relu))
    try model.add(MaxPooling2D(poolSize: (2, 2)))
    try model.add(Flatten())
    try model.add(Dense(units: 10, activation: .softmax))
    try model.compile(optimizer: Adam(learningRate: 1e-3), loss: CategoricalCrossEntropy())
    // The batches the peer takes: rows s..<s+batch with s = (i·batch) mod (n − batch).
    let starts = (0..<(n / batch)).map { ($0 * batch) % (n - batch) }
    var batches: [Int: (Tensor, Tensor)] = [:]
    for s in Set(starts) { batches[s] = (try x.rows(s..<(s + batch)), try y.rows(s..<(s + batch))) }
    func batchAt(_ i: Int) -> (Tensor, Tensor) { batches[starts[i % starts.count]]! }  // cannot fail: every start was filled above
    func median(_ body: () throws -> Double) rethrows -> Double {
      var rates: [Double] = []
      for _ in 0..<3 { rates.append(try body()) }
      return rates.sorted()[1]
    }
    for i in 0..<3 { let (xb, yb) = batchAt(i); try model.trainOnBatch(x: xb, y: yb) }
    let steps = Self.w7Steps
    let train = try median {
      let t0 = DispatchTime.now().uptimeNanoseconds
      for i in 0..<steps { let (xb, yb) = batchAt(i); try model.trainOnBatch(x: xb, y: yb) }
      return Double(steps * batch) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    print("train workload=w7 threads=\(Parallel.maxThreads) batch=\(batch) steps=\(steps) samples_per_sec=\(String(format: "%.0f", train))")
    for i in 0..<3 { _ = try model.forward(batchAt(i).0, training: false) }
    let inference = try median {
      let t0 = DispatchTime.now().uptimeNanoseconds
      for i in 0..<(n / batch) { _ = try model.forward(batchAt(i).0, training: false) }
      return Double(n / batch * batch) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    print("inference workload=w7 threads=\(Parallel.maxThreads) batch=\(batch) steps=\(n / batch) samples_per_sec=\(String(format: "%.0f", inference))")
  }
}
