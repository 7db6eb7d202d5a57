import Catalog
import Testing
import TestSupport
@testable import NN
import Tensors

/// Layers over sequences and images: finite differences and model-file round trips for every
/// registered one, PyTorch's global pooling, reshaping rules and spatial dropout's structure.
@Suite struct ShapedLayerTests {
  /// Per registered layer kind over samples of more than one axis: the per-sample input shape
  /// and sample arguments (a new layer of that sort adds its line here).
  static var samples: [String: (shape: [Int], args: [[Value]])] { [
    "Embedding": ([5], [[.integer(9), .integer(3)], [.integer(9), .integer(2), .table([("mask_zero", .bool(true))])]]),
    "GlobalAveragePooling1D": ([4, 3], [[]]),
    "GlobalMaxPooling1D": ([4, 3], [[]]),
    "GlobalAveragePooling2D": ([3, 2, 3], [[]]),
    "GlobalMaxPooling2D": ([3, 2, 3], [[]]),
    "Flatten": ([2, 3, 2], [[]]),
    "Reshape": ([2, 6], [[.list([.integer(3), .integer(-1)])], [.list([.integer(12)])]]),
    "SpatialDropout1D": ([4, 3], [[.number(0.5)]]),
    "SpatialDropout2D": ([2, 3, 4], [[.number(0.4)]]),
  ] }

  @Test(arguments: samples.keys.sorted())
  func finiteDifferencesAndRoundTrip(_ kind: String) throws {
    let entry = try #require(LayerLibrary.entries.first { $0.name == kind })
    let sample = Self.samples[kind]!
    for args in sample.args {
      let indices: ((inout RandomStream) -> Tensor)? = kind != "Embedding" ? nil : { r in
        Tensor(shape: [3] + sample.shape, scalars: (0..<(3 * sample.shape.reduce(1, *))).map { _ in Float(Int(r.uniform() * 9)) })
      }
      try checkShapedLayer("\(kind) \(args.map(\.literal))", inputShape: sample.shape, inputGradient: kind != "Embedding", input: indices) {
        guard case .object(let o)? = try entry.call(args, in: Session(catalog: Catalog())).first, let layer = (o as? LayerObject)?.layer else {
          throw LayerError("\(kind) not built")
        }
        return layer
      }
    }
  }

  func pool(_ layer: GlobalPooling, _ shape: [Int], _ x: Tensor, mask: Tensor?, _ g: Tensor) throws -> (Tensor, Tensor) {
    var r = RandomStream(seed: 1)
    layer.name = "pool"
    _ = try layer.build(inputShape: shape, random: &r)
    layer.inputMask = mask
    let y = try layer.forward(x, training: true)
    let yc = Tensor(shape: y.shape, scalars: y.scalars)
    return (yc, try layer.backward(g, accumulate: false))
  }

  @Test(arguments: ["average_1d", "maximum_1d", "average_1d_masked", "maximum_1d_masked", "average_2d", "maximum_2d"])
  func globalPoolingMatchesPyTorch(_ label: String) throws {
    let twoD = label.hasSuffix("2d"), masked = label.hasSuffix("masked")
    let x = EmbeddingReference.tensor("pooling", twoD ? "x2" : "x1")
    let g = EmbeddingReference.tensor("pooling", twoD ? "grad_output2" : "grad_output1")
    let layer: GlobalPooling = switch (label.hasPrefix("average"), twoD) {
    case (true, false): GlobalAveragePooling1D()
    case (false, false): GlobalMaxPooling1D()
    case (true, true): GlobalAveragePooling2D()
    case (false, true): GlobalMaxPooling2D()
    }
    let (y, dx) = try pool(layer, Array(x.shape.dropFirst()), x, mask: masked ? EmbeddingReference.tensor("pooling", "mask1") : nil, g)
    #expect(maxRelativeError(y, EmbeddingReference.tensor("pooling", label, "output")) <= 1e-5)
    #expect(maxRelativeError(dx, EmbeddingReference.tensor("pooling", label, "grad_input")) <= 1e-5)
  }

  /// The mask of an Embedding passes through spatial dropout (and Dense) to the pooling,
  /// which leaves padding out: padding's large values never win the maximum.
  @Test func maskReachesPoolingThroughPassingLayers() throws {
    let net = Sequential(inputShape: [3], random: RandomStream(seed: 3))
    let e = try Embedding(inputDim: 3, outputDim: 2, maskZero: true)
    try net.add(e)
    try net.add(SpatialDropout1D(rate: 0.5))
    try net.add(Dense(units: 2, kernelInitializer: .ones))
    try net.add(GlobalMaxPooling1D())
    try e.embeddings!.assign(Tensor(shape: [3, 2], scalars: [100, 100, 1, 2, -3, -1]))
    let y = try net.predict(Tensor(shape: [3, 3], scalars: [1, 0, 2, 0, 0, 0, 2, 2, 0]))
    #expect(y.scalars == [3, 3, 0, 0, -4, -4])
  }

  /// Default names as Keras gives them: no word break between a digit and the D after it.
  @Test func defaultNamesFollowKeras() throws {
    let net = Sequential(inputShape: [4], random: RandomStream(seed: 1))
    try net.add(try Embedding(inputDim: 5, outputDim: 2))
    try net.add(SpatialDropout1D(rate: 0.1))
    try net.add(GlobalAveragePooling1D())
    #expect(net.layers.map(\.name) == ["embedding_1", "spatial_dropout1d_1", "global_average_pooling1d_1"])
  }

  @Test func reshapeRules() throws {
    var r = RandomStream(seed: 1)
    #expect(try Reshape(targetShape: [3, -1]).build(inputShape: [2, 6], random: &r) == [3, 4])
    let wrong = #expect(throws: LayerError.self) { _ = try Reshape(targetShape: [5, 2], name: "reshape_1").build(inputShape: [2, 6], random: &r) }
    #expect(wrong?.message == "reshape_1: cannot reshape 2x6 (12 values per sample) to {5, 2} (10 values)")
    let free = #expect(throws: LayerError.self) { _ = try Reshape(targetShape: [5, -1], name: "reshape_1").build(inputShape: [2, 6], random: &r) }
    #expect(free?.message == "reshape_1: cannot reshape 2x6 (12 values per sample) to {5, -1}: 12 is not a multiple of 5")
    let two = #expect(throws: LayerError.self) { _ = try Reshape(targetShape: [-1, -1]) }
    #expect(two?.message == "Reshape: target_shape must be positive sizes with at most one -1, got {-1, -1}")
    let flat = Flatten()
    #expect(try flat.build(inputShape: [2, 3, 4], random: &r) == [24])
    let x = Tensor(shape: [2, 2, 3, 4], scalars: (0..<48).map(Float.init))
    let y = try flat.forward(x, training: false)
    #expect(y.shape == [2, 24] && y.scalars == x.scalars)
  }

  /// Whole channels: each (sample, channel) is all kept (scaled by 1/(1 − rate)) or all
  /// dropped across its steps; about `rate` of them are dropped; inference passes values.
  @Test(arguments: [1, 2])
  func spatialDropoutDropsWholeChannels(_ rank: Int) throws {
    let layer: SpatialDropout = rank == 1 ? SpatialDropout1D(rate: 0.3) : SpatialDropout2D(rate: 0.3)
    layer.name = "spatial"
    let shape = rank == 1 ? [6, 50] : [2, 3, 50]
    var r = RandomStream(seed: 4)
    _ = try layer.build(inputShape: shape, random: &r)
    let n = 40, steps = shape.dropLast().reduce(1, *), ch = 50
    let x = Tensor.ones([n] + shape)
    let y = try layer.forward(x, training: true)
    var dropped = 0
    for s in 0..<n {
      for c in 0..<ch {
        let values = Set((0..<steps).map { y.scalars[(s * steps + $0) * ch + c] })
        #expect(values.count == 1 && (values.first == 0 || abs(values.first! - 1 / 0.7) < 1e-6))
        if values.first == 0 { dropped += 1 }
      }
    }
    // 2000 draws at p = 0.3: sd ≈ 20.5, so ±100 is about five standard deviations.
    #expect(abs(dropped - 600) < 100, "dropped \(dropped) of 2000 channels")
    let g = try layer.backward(Tensor.ones([n] + shape), accumulate: false)
    #expect(g.scalars == y.scalars)
    #expect(try layer.forward(x, training: false).scalars == x.scalars)
  }

  /// The stream stands where a checkpoint takes it: restoring it repeats the next mask.
  @Test func spatialDropoutStreamRestores() throws {
    let layer = SpatialDropout1D(rate: 0.5, name: "s")
    var r = RandomStream(seed: 2)
    _ = try layer.build(inputShape: [3, 8], random: &r)
    let x = Tensor.ones([4, 3, 8])
    _ = try layer.forward(x, training: true)
    let saved = try #require(layer.randomStream)
    let first = try layer.forward(x, training: true).scalars
    layer.restoreRandomStream(saved)
    #expect(try layer.forward(x, training: true).scalars == first)
  }
}
