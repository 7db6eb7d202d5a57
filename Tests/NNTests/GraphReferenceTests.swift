import Foundation
import Testing
@testable import NN
import Tensors

/// Graph models trained 20 full-batch Adam steps from PyTorch's initial weights end at
/// PyTorch's weights (tests/python/make_graph.py, Fixtures/graph.json).
@Suite struct GraphReferenceTests {
  nonisolated(unsafe) static let json: [String: Any] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/graph.json")
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }()

  static func tensor(_ node: Any) -> Tensor { Reference.tensor(node) }

  /// Sets the layers' weights from the case's initial ones, trains, compares with the final.
  static func run(_ name: String, _ net: Sequential, x: Tensor, y: Tensor, layers: [String]) throws {
    let c = json[name] as! [String: Any]
    let initial = c["initial"] as! [String: [String: Any]], final = c["final"] as! [String: [String: Any]]
    for l in layers {
      let layer = net.layers.first { $0.name == l }!
      try layer.parameters[0].assign(tensor(initial[l]!["kernel"]!))
      try layer.parameters[1].assign(tensor(initial[l]!["bias"]!))
    }
    let losses = c["losses"] as! [Double]
    for step in 0..<20 {
      let loss = try net.trainOnBatch(x: x, y: y)
      #expect(abs(loss - losses[step]) <= 1e-4 * max(1, abs(losses[step])), "\(name) step \(step + 1): loss \(loss), PyTorch \(losses[step])")
    }
    for l in layers {
      let layer = net.layers.first { $0.name == l }!
      for (k, w) in zip(["kernel", "bias"], layer.parameters) {
        let expected = tensor(final[l]![k]!)
        let worst = maxRelativeError(w.value, expected, floor: 1)
        #expect(worst <= 1e-4, "\(name) \(l)/\(k) off by \(worst)")
      }
    }
  }

  static func data(_ name: String, _ key: String) -> Tensor { tensor((json[name] as! [String: Any])["data"].map { ($0 as! [String: Any])[key]! }!) }

  @Test func residual() throws {
    let x = try Node(inputShape: [6], name: "x")
    let h = try Node(applying: Dense(units: 8, activation: .relu), to: [x], list: false)
    let r = try Node(applying: Dense(units: 8, activation: .relu), to: [h], list: false)
    let sum = try Node(applying: Add(), to: [h, r], list: true)
    let out = try Node(applying: Dense(units: 3, activation: .sigmoid), to: [sum], list: false)
    let net = try Sequential(graph: Graph(inputs: [x], outputs: [out]), random: RandomStream(seed: 1))
    try net.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy())
    try Self.run("residual", net, x: Self.data("residual", "x"), y: Self.data("residual", "y"), layers: ["dense_1", "dense_2", "dense_3"])
  }

  /// The residual model with its first layer frozen: PyTorch's Adam holds the other layers
  /// only, and the frozen layer ends where it started.
  @Test func frozenLayer() throws {
    let x = try Node(inputShape: [6], name: "x")
    let first = Dense(units: 8, activation: .relu)
    let h = try Node(applying: first, to: [x], list: false)
    let r = try Node(applying: Dense(units: 8, activation: .relu), to: [h], list: false)
    let sum = try Node(applying: Add(), to: [h, r], list: true)
    let out = try Node(applying: Dense(units: 3, activation: .sigmoid), to: [sum], list: false)
    let net = try Sequential(graph: Graph(inputs: [x], outputs: [out]), random: RandomStream(seed: 1))
    first.trainable = false
    try net.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy())
    try Self.run("frozen", net, x: Self.data("frozen", "x"), y: Self.data("frozen", "y"), layers: ["dense_1", "dense_2", "dense_3"])
    let initial = (Self.json["frozen"] as! [String: Any])["initial"] as! [String: [String: Any]]
    #expect(first.kernel!.value.scalars == Self.tensor(initial["dense_1"]!["kernel"]!).scalars)
  }

  @Test func twoInputsTwoOutputs() throws {
    let feats = try Node(inputShape: [6], name: "features"), meta = try Node(inputShape: [3], name: "meta")
    let h = try Node(applying: Dense(units: 8, activation: .relu), to: [feats], list: false)
    let m = try Node(applying: Dense(units: 4, activation: .relu), to: [meta], list: false)
    let joined = try Node(applying: Concatenate(), to: [h, m], list: true)
    let labels = try Node(applying: Dense(units: 3, activation: .sigmoid, name: "labels"), to: [joined], list: false)
    let count = try Node(applying: Dense(units: 1, name: "count"), to: [joined], list: false)
    let graph = try Graph(inputs: [feats, meta], outputs: [labels, count])
    let net = try Sequential(graph: graph, random: RandomStream(seed: 1))
    try net.compile(optimizer: Adam(learningRate: 0.01), losses: [BinaryCrossEntropy(), MeanSquaredError()], lossWeights: [1, 0.1], metrics: [["f1_micro"], []])
    #expect(net.metricNames == ["labels_f1_micro"])
    let x = try graph.packInputs([Self.data("two_heads", "features"), Self.data("two_heads", "meta")])
    let y = try graph.packTargets([Self.data("two_heads", "labels"), Self.data("two_heads", "count")])
    try Self.run("two_heads", net, x: x, y: y, layers: ["dense_1", "dense_2", "labels", "count"])
  }

  @Test func sharedLayer() throws {
    let a = try Node(inputShape: [5], name: "a"), b = try Node(inputShape: [5], name: "b")
    let shared = Dense(units: 4, activation: .tanh)
    let diff = try Node(applying: Subtract(), to: [try Node(applying: shared, to: [a], list: false), try Node(applying: shared, to: [b], list: false)], list: true)
    let out = try Node(applying: Dense(units: 2, activation: .sigmoid), to: [diff], list: false)
    let graph = try Graph(inputs: [a, b], outputs: [out])
    let net = try Sequential(graph: graph, random: RandomStream(seed: 1))
    #expect(net.parameters.count == 4)
    try net.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy())
    let x = try graph.packInputs([Self.data("shared", "a"), Self.data("shared", "b")])
    try Self.run("shared", net, x: x, y: Self.data("shared", "y"), layers: ["dense_1", "dense_2"])
  }
}
