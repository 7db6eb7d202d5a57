import Foundation
import Testing
@testable import NN
import Tensors

/// Layers of images and sequences applied twice in one graph: the second application shares
/// the first one's weights, and the gradient of a shared kernel is the sum over both uses.
@Suite struct SharedShapedLayerTests {
  /// Two images through one Conv2D (then one AveragePooling2D, GlobalAveragePooling2D), added.
  /// (Average pooling: a max has kinks finite differences step across.)
  static func twoImages() throws -> (Graph, Conv2D) {
    let a = try Node(inputShape: [5, 5, 2], name: "a"), b = try Node(inputShape: [5, 5, 2], name: "b")
    let conv = try Conv2D(filters: 3, kernelSize: (3, 3), padding: .same, activation: .tanh, name: "conv")
    let pool = try AveragePooling2D(poolSize: (2, 2), name: "pool")
    let global = GlobalAveragePooling2D(name: "global")
    func branch(_ x: Node) throws -> Node {
      let c = try Node(applying: conv, to: [x], list: false)
      let p = try Node(applying: pool, to: [c], list: false)
      return try Node(applying: global, to: [p], list: false)
    }
    let sum = try Node(applying: Add(), to: [try branch(a), try branch(b)], list: true)
    let graph = try Graph(inputs: [a, b], outputs: [sum])
    try graph.build(random: RandomStream(seed: 4))
    return (graph, conv)
  }

  @Test func aSharedConvolutionHasOneKernelAndMatchesFiniteDifferences() throws {
    let (graph, conv) = try Self.twoImages()
    let weights = graph.layers.flatMap(\.parameters)
    #expect(weights.map(\.name) == ["conv/kernel", "conv/bias"])
    let xa = GraphSupport.random([2, 5, 5, 2], seed: 8), xb = GraphSupport.random([2, 5, 5, 2], seed: 9)
    let probe = GraphSupport.random([2, 3], seed: 10)
    _ = try graph.forward([xa, xb], training: true)
    try graph.backward([probe], accumulate: false)
    for w in [conv.kernel!, conv.bias!] {
      let analytic = w.grad.scalars
      let numeric = try GraphSupport.numeric(w.value, eps: 1e-2) {
        GraphSupport.objective(try graph.forward([xa, xb], training: true), [probe])
      }
      let worst = GraphSupport.worst(analytic, numeric)
      #expect(worst < 2e-2, "\(w.name): gradient off by \(worst)")
    }
  }

  @Test func theSecondUseAddsToTheFirst() throws {
    // The same image on both inputs: every gradient is twice the one of a single use.
    let (graph, conv) = try Self.twoImages()
    let x = GraphSupport.random([2, 5, 5, 2], seed: 11), probe = GraphSupport.random([2, 3], seed: 12)
    _ = try graph.forward([x, x], training: true)
    try graph.backward([probe], accumulate: false)
    let both = conv.kernel!.grad.scalars
    let (single, singleConv) = try Self.oneImage()
    _ = try single.forward([x], training: true)
    try single.backward([probe], accumulate: false)
    let once = singleConv.kernel!.grad.scalars
    for (t, o) in zip(both, once) { #expect(abs(t - 2 * o) <= 1e-4 * max(1, abs(t))) }
  }

  /// One image through a twin of the two-image graph's convolution (the same kernel).
  static func oneImage() throws -> (Graph, Conv2D) {
    let (_, conv) = try twoImages()
    let a = try Node(inputShape: [5, 5, 2], name: "a")
    let c = try Node(applying: try conv.twin(), to: [a], list: false)
    let p = try Node(applying: try AveragePooling2D(poolSize: (2, 2)), to: [c], list: false)
    let g = try Node(applying: GlobalAveragePooling2D(), to: [p], list: false)
    let graph = try Graph(inputs: [a], outputs: [g])
    try graph.build(random: RandomStream(seed: 4))
    return (graph, graph.layers[0] as! Conv2D)
  }

  @Test func everyLayerWithoutWeightsCanBeShared() throws {
    let layers: [Layer] = [Flatten(), try Reshape(targetShape: [-1]), GlobalMaxPooling1D(), GlobalAveragePooling1D(),
                           SpatialDropout1D(rate: 0.5), try AveragePooling1D(poolSize: 2), try MaxPooling1D(poolSize: 2), try MaxPooling2D(), try AveragePooling2D(), GlobalMaxPooling2D(), SpatialDropout2D(rate: 0.2),
                           try Conv1D(filters: 2, kernelSize: 2)]
    for layer in layers {
      let t = try layer.twin()
      #expect(type(of: t) == type(of: layer))
      #expect(try JSONShape.same(t.config, layer.config), "\(type(of: layer).kind)")
    }
  }
}

/// Configs compared as their JSON text.
enum JSONShape {
  static func same(_ a: [String: Any], _ b: [String: Any]) throws -> Bool {
    func text(_ c: [String: Any]) throws -> String {
      String(decoding: try JSONSerialization.data(withJSONObject: c, options: [.sortedKeys]), as: UTF8.self)
    }
    return try text(a) == text(b)
  }
}

/// One Embedding applied to two token inputs: one table, each touched row listed once, and its
/// gradient the sum over both uses.
@Suite struct SharedEmbeddingTests {
  @Test func bothUsesAddIntoOneTableAndListEachRowOnce() throws {
    let a = try Node(inputShape: [3], name: "a"), b = try Node(inputShape: [2], name: "b")
    let embedding = try Embedding(inputDim: 6, outputDim: 2, name: "tokens")
    let pool = GlobalAveragePooling1D(name: "pool")
    let pa = try Node(applying: pool, to: [try Node(applying: embedding, to: [a], list: false)], list: false)
    let pb = try Node(applying: pool, to: [try Node(applying: embedding, to: [b], list: false)], list: false)
    let sum = try Node(applying: Add(), to: [pa, pb], list: true)
    let graph = try Graph(inputs: [a, b], outputs: [sum])
    try graph.build(random: RandomStream(seed: 2))
    #expect(graph.layers.flatMap(\.parameters).count == 1)
    let xa = Tensor(shape: [1, 3], scalars: [1, 2, 2]), xb = Tensor(shape: [1, 2], scalars: [2, 5])
    _ = try graph.forward([xa, xb], training: true)
    try graph.backward([Tensor(shape: [1, 2], scalars: [3, 6])], accumulate: false)
    let table = try #require(embedding.embeddings)
    // Row 2: twice in a (each 1/3 of the mean) and once in b (1/2): (2/3 + 1/2)·g.
    let g = table.grad.scalars
    #expect(abs(g[4] - 3.5) < 1e-5 && abs(g[5] - 7) < 1e-5)
    #expect(abs(g[2] - 1) < 1e-5 && abs(g[10] - 1.5) < 1e-5)
    #expect(g[0] == 0 && g[6] == 0)
    #expect(table.touchedRows?.rows.sorted() == [1, 2, 5])
    // The next step starts afresh: rows of the last step are cleared, whichever use runs first.
    _ = try graph.forward([Tensor(shape: [1, 3], scalars: [3, 3, 3]), Tensor(shape: [1, 2], scalars: [3, 3])], training: true)
    try graph.backward([Tensor(shape: [1, 2], scalars: [1, 1])], accumulate: false)
    #expect(table.touchedRows?.rows == [3])
    #expect(abs(table.grad.scalars[6] - 2) < 1e-5 && table.grad.scalars[4] == 0)
  }
}
