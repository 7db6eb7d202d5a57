import Foundation
import Testing
@testable import NN
import Tensors

/// Graph models: construction checks, gradients through residual and shared layers, a chain
/// that trains to the same bits as the Sequential stack, and PyTorch's weights after training.
@Suite struct GraphModelTests {
  /// x(4) → d = tanh(Dense 5) → s = tanh(Dense 5), applied twice (shared) → Add(d, s(s(d)))
  /// → Dense 3 (output) and Concatenate(d, x) → Dense 2 (a second output).
  static func residualShared() throws -> (Graph, [Layer]) {
    let x = try Node(inputShape: [4], name: "x")
    let dense = Dense(units: 5, activation: .tanh)
    let shared = Dense(units: 5, activation: .tanh, name: "shared")
    let d = try Node(applying: dense, to: [x], list: false)
    let s1 = try Node(applying: shared, to: [d], list: false)
    let s2 = try Node(applying: shared, to: [s1], list: false)
    let sum = try Node(applying: Add(), to: [d, s2], list: true)
    let out = try Node(applying: Dense(units: 3, name: "out"), to: [sum], list: false)
    let joined = try Node(applying: Concatenate(), to: [d, x], list: true)
    let side = try Node(applying: Dense(units: 2, activation: .sigmoid, name: "side"), to: [joined], list: false)
    let graph = try Graph(inputs: [x], outputs: [out, side])
    try graph.build(random: RandomStream(seed: 3))
    return (graph, graph.layers)
  }

  @Test func residualAndSharedGradientsMatchFiniteDifferences() throws {
    let (graph, layers) = try Self.residualShared()
    let x = GraphSupport.random([3, 4], seed: 5)
    let probes = [GraphSupport.random([3, 3], seed: 6), GraphSupport.random([3, 2], seed: 7)]
    let outs = try graph.forward([x], training: true)
    try graph.backward(probes, accumulate: false)
    let weights = layers.flatMap(\.parameters)
    // The shared layer's weights appear once.
    #expect(weights.count == 8)
    #expect(Set(weights.map(\.name)).count == weights.count)
    #expect(outs.map(\.shape) == [[3, 3], [3, 2]])
    for w in weights {
      let analytic = w.grad.scalars
      let numeric = try GraphSupport.numeric(w.value, eps: 1e-2) {
        GraphSupport.objective(try graph.forward([x], training: true), probes)
      }
      let worst = GraphSupport.worst(analytic, numeric)
      #expect(worst < 2e-2, "\(w.name): gradient off by \(worst)")
    }
  }

  @Test func sharedGradientsAccumulateOverUses() throws {
    // One Dense applied to a and to b, outputs added: its kernel's gradient is the sum of
    // both uses' (aᵀg + bᵀg), whatever the stale gradient before.
    let a = try Node(inputShape: [2], name: "a"), b = try Node(inputShape: [2], name: "b")
    let shared = Dense(units: 1, useBias: false, name: "shared")
    let sum = try Node(applying: Add(), to: [try Node(applying: shared, to: [a], list: false), try Node(applying: shared, to: [b], list: false)], list: true)
    let graph = try Graph(inputs: [a, b], outputs: [sum])
    try graph.build(random: RandomStream(seed: 1))
    let xa = Tensor(shape: [1, 2], scalars: [1, 2]), xb = Tensor(shape: [1, 2], scalars: [10, 20])
    shared.kernel!.grad = Tensor(shape: [2, 1], scalars: [100, 100])
    _ = try graph.forward([xa, xb], training: true)
    try graph.backward([Tensor(shape: [1, 1], scalars: [1])], accumulate: false)
    #expect(shared.kernel!.grad.scalars == [11, 22])
  }

  @Test func constructionErrorsNameTheNodes() throws {
    let x = try Node(inputShape: [4], name: "features")
    let meta = try Node(inputShape: [3], name: "meta")
    let h = try Node(applying: Dense(units: 8, name: "hidden"), to: [x], list: false)
    func message(_ body: () throws -> Void) -> String {
      do { try body(); return "" } catch let e as LayerError { return e.message } catch { return "\(error)" }
    }
    // An output that depends on an input the model is not given.
    let m = message { _ = try Graph(inputs: [meta], outputs: [h]) }
    #expect(m.contains("not reachable") && m.contains("features"), "\(m)")
    // An input no output uses.
    let unused = message { _ = try Graph(inputs: [x, meta], outputs: [h]) }
    #expect(unused.contains("'meta'") && unused.contains("not used"), "\(unused)")
    // Two layers of one name.
    let twice = try Node(applying: Dense(units: 2, name: "hidden"), to: [h], list: false)
    let dup = message { _ = try Graph(inputs: [x], outputs: [twice]) }
    #expect(dup.contains("named 'hidden'"), "\(dup)")
    // A merge layer on one node, a plain layer on a list.
    #expect(message { _ = try Node(applying: Add(), to: [x], list: false) }.contains("list"))
    #expect(message { _ = try Node(applying: Dense(units: 2), to: [x, meta], list: true) }.contains("one node"))
    // Shapes that do not fit, found when the graph is built: the layer and both shapes.
    let added = try Node(applying: Add(name: "residual"), to: [h, x], list: true)
    let g = try Graph(inputs: [x], outputs: [added])
    let shapes = message { try g.build(random: RandomStream(seed: 0)) }
    #expect(shapes.contains("residual") && shapes.contains("(8)") && shapes.contains("(4)"), "\(shapes)")
    // A shared layer applied to inputs of another size.
    let shared = Dense(units: 2, name: "enc")
    let a = try Node(applying: shared, to: [x], list: false), b = try Node(applying: shared, to: [meta], list: false)
    let g2 = try Graph(inputs: [x, meta], outputs: [try Node(applying: Add(), to: [a, b], list: true)])
    let shared2 = message { try g2.build(random: RandomStream(seed: 0)) }
    #expect(shared2.contains("enc") && shared2.contains("(3)"), "\(shared2)")
    // A layer that cannot be shared.
    let custom = Dense(units: 2)
    _ = custom
  }

  @Test func chainTrainsToTheSameBitsAsSequential() throws {
    var r = RandomStream(seed: 11)
    let x = Tensor.randomNormal([40, 6], stream: &r)
    let y = try Tensor.randomUniform([40, 3], stream: &r).compared(.gt, Tensor(scalar: 0.5))
    func train(_ net: Sequential) throws -> [Tensor] {
      try net.compile(optimizer: Adam(learningRate: 0.01), loss: BinaryCrossEntropy(), metrics: ["f1_micro"])
      var options = FitOptions()
      options.epochs = 3
      options.batchSize = 8
      options.verbose = 0
      options.validationSplit = 0.25
      let history = try net.fit(x: x, y: y, options: options)
      #expect(history.keys == ["loss", "f1_micro", "val_loss", "val_f1_micro"])
      return net.weights() + [try net.predict(x)]
    }
    let stack = Sequential(inputSize: 6, random: RandomStream(seed: 4))
    try stack.add(Dense(units: 8, activation: .relu))
    try stack.add(Dropout(rate: 0.2))
    try stack.add(Dense(units: 3, activation: .sigmoid))
    let input = try Node(inputShape: [6])
    let h = try Node(applying: Dense(units: 8, activation: .relu), to: [input], list: false)
    let d = try Node(applying: Dropout(rate: 0.2), to: [h], list: false)
    let out = try Node(applying: Dense(units: 3, activation: .sigmoid), to: [d], list: false)
    let graph = try Sequential(graph: Graph(inputs: [input], outputs: [out]), random: RandomStream(seed: 4))
    let a = try train(stack), b = try train(graph)
    #expect(a.count == b.count)
    for (p, q) in zip(a, b) { #expect(p.scalars == q.scalars) }
  }

  @Test func resumesFromATrainingCheckpointAsTheUninterruptedFit() throws {
    func make() throws -> (Sequential, Graph) {
      let a = try Node(inputShape: [4], name: "a"), b = try Node(inputShape: [2], name: "b")
      let joined = try Node(applying: Concatenate(), to: [try Node(applying: Dense(units: 5, activation: .relu), to: [a], list: false),
                                                           try Node(applying: Dropout(rate: 0.3), to: [b], list: false)], list: true)
      let graph = try Graph(inputs: [a, b], outputs: [try Node(applying: Dense(units: 3, activation: .sigmoid, name: "labels"), to: [joined], list: false),
                                                      try Node(applying: Dense(units: 1, name: "count"), to: [joined], list: false)])
      let net = try Sequential(graph: graph, random: RandomStream(seed: 9))
      try net.compile(optimizer: Adam(learningRate: 0.01), losses: [BinaryCrossEntropy(), MeanSquaredError()], lossWeights: [1, 0.2], metrics: [["f1_micro"], []])
      return (net, graph)
    }
    var r = RandomStream(seed: 2)
    let xa = Tensor.randomNormal([24, 4], stream: &r), xb = Tensor.randomNormal([24, 2], stream: &r)
    let labels = try Tensor.randomUniform([24, 3], stream: &r).compared(.gt, Tensor(scalar: 0.5))
    let count = Tensor.randomNormal([24, 1], stream: &r)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("graph-resume-\(UUID().uuidString).safetensors").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    func fit(_ net: Sequential, _ graph: Graph, epochs: Int, checkpoint: Bool = false, resume: Bool = false) throws -> History {
      var o = FitOptions()
      o.epochs = epochs
      o.batchSize = 8
      o.verbose = 0
      o.validationSplit = 0.25
      if checkpoint { o.checkpoint = CheckpointPolicy(path: path) }
      if resume { o.resume = .file(path) }
      return try net.fit(x: try graph.packInputs([xa, xb]), y: try graph.packTargets([labels, count]), options: o)
    }
    let (whole, wg) = try make()
    let all = try fit(whole, wg, epochs: 4)
    #expect(all.keys == ["loss", "labels_loss", "count_loss", "labels_f1_micro", "val_loss", "val_labels_loss", "val_count_loss", "val_labels_f1_micro"])
    let (first, fg) = try make()
    _ = try fit(first, fg, epochs: 2, checkpoint: true)
    let (resumed, rg) = try make()
    let rest = try fit(resumed, rg, epochs: 4, resume: true)
    for (p, q) in zip(whole.weights(), resumed.weights()) { #expect(p.scalars == q.scalars) }
    #expect(rest.values["val_labels_loss"] == all.values["val_labels_loss"])
  }
}
