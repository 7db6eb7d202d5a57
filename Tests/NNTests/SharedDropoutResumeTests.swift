import Foundation
import Testing
@testable import NN
import Tensors

/// One Dropout object called on two nodes draws each use's masks from a stream of its own; a
/// training checkpoint keeps both, so a fit interrupted and resumed (into a model made with
/// another seed) ends at the uninterrupted fit's weights bit for bit.
@Suite struct SharedDropoutResumeTests {
  /// a(4), b(4) → the same Dropout on each → Dense 3 on a's, Dense 3 on b's → Add → Dense 2 sigmoid.
  func make(seed: UInt64) throws -> (Sequential, Graph) {
    let a = try Node(inputShape: [4], name: "a"), b = try Node(inputShape: [4], name: "b")
    let dropout = Dropout(rate: 0.4, name: "shared_dropout")
    let da = try Node(applying: Dense(units: 3, activation: .tanh), to: [try Node(applying: dropout, to: [a], list: false)], list: false)
    let db = try Node(applying: Dense(units: 3, activation: .tanh), to: [try Node(applying: dropout, to: [b], list: false)], list: false)
    let out = try Node(applying: Dense(units: 2, activation: .sigmoid), to: [try Node(applying: Add(), to: [da, db], list: true)], list: false)
    let graph = try Graph(inputs: [a, b], outputs: [out])
    let net = try Sequential(graph: graph, random: RandomStream(seed: seed))
    try net.compile(optimizer: Adam(learningRate: 0.02), loss: BinaryCrossEntropy())
    return (net, graph)
  }

  func bits(_ tensors: [Tensor]) -> [[UInt32]] { tensors.map { t in t.scalars.map(\.bitPattern) } }

  @Test func resumedFitEqualsTheUninterruptedOne() throws {
    var r = RandomStream(seed: 3)
    let xa = Tensor.randomNormal([20, 4], stream: &r), xb = Tensor.randomNormal([20, 4], stream: &r)
    let y = try Tensor.randomUniform([20, 2], stream: &r).compared(.gt, Tensor(scalar: 0.5))
    let path = NSTemporaryDirectory() + "crescent-shared-dropout-\(UInt32.random(in: 0...UInt32.max)).safetensors"
    defer { try? FileManager.default.removeItem(atPath: path) }
    func fit(_ net: Sequential, _ graph: Graph, epochs: Int, checkpoint: Bool = false, resume: Bool = false) throws {
      var o = FitOptions()
      o.epochs = epochs
      o.batchSize = 5
      o.verbose = 0
      if checkpoint { o.checkpoint = CheckpointPolicy(path: path) }
      if resume { o.resume = .file(path) }
      try net.fit(x: try graph.packInputs([xa, xb]), y: y, options: o)
    }
    let (straight, sg) = try make(seed: 9)
    try fit(straight, sg, epochs: 4)
    let (first, fg) = try make(seed: 9)
    try fit(first, fg, epochs: 2, checkpoint: true)
    let (resumed, rg) = try make(seed: 99)
    try fit(resumed, rg, epochs: 4, resume: true)
    #expect(bits(resumed.weights()) == bits(straight.weights()))
    // The two uses draw different masks (a stream each).
    let k = try #require(resumed.layers.firstIndex { $0.name == "shared_dropout" })
    #expect(rg.laterUseStreams(of: k).count == 1)
    let saved = try TrainingCheckpoint.read(path).layers[k]
    #expect(saved.uses.count == 1 && saved.uses[0].positionText != saved.random?.positionText)
  }
}
