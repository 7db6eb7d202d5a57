import Foundation
@testable import NN
import Tensors
import TestSupport
import Testing

/// PyTorch's convolutions and pooling on random cases (tests/python/make_conv.py), laid out
/// channels last with Keras's padding.
enum ConvReference {
  nonisolated(unsafe) static let cases: [[String: Any]] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/conv.json")
    let json = try! JSONSerialization.jsonObject(with: try! Data(contentsOf: url)) as! [String: Any]
    return json["cases"] as! [[String: Any]]
  }()

  static var names: [String] { cases.map { $0["name"] as! String } }

  static func tensor(_ node: Any?) -> Tensor {
    let d = node as! [String: Any]
    return Tensor(shape: d["shape"] as! [Int], scalars: (d["data"] as! [Double]).map(Float.init))
  }

  static func sizes(_ c: [String: Any], _ key: String) -> [Int] { c[key] as! [Int] }

  /// A fresh layer as the case describes it.
  static func layer(_ c: [String: Any]) throws -> Layer {
    let padding = Padding(rawValue: c["padding"] as! String)!
    switch c["layer"] as! String {
    case "Conv2D":
      let k = sizes(c, "kernel_size"), s = sizes(c, "strides"), d = sizes(c, "dilation_rate")
      return try Conv2D(filters: c["filters"] as! Int, kernelSize: (k[0], k[1]), strides: (s[0], s[1]), padding: padding,
                        dilation: (d[0], d[1]), useBias: c["use_bias"] as! Bool)
    case "Conv1D":
      return try Conv1D(filters: c["filters"] as! Int, kernelSize: sizes(c, "kernel_size")[0], strides: sizes(c, "strides")[0],
                        padding: padding, dilation: sizes(c, "dilation_rate")[0], useBias: c["use_bias"] as! Bool)
    case let kind:
      let p = sizes(c, "pool_size"), s = sizes(c, "strides")
      switch kind {
      case "MaxPooling2D": return try MaxPooling2D(poolSize: (p[0], p[1]), strides: (s[0], s[1]), padding: padding)
      case "AveragePooling2D": return try AveragePooling2D(poolSize: (p[0], p[1]), strides: (s[0], s[1]), padding: padding)
      case "MaxPooling1D": return try MaxPooling1D(poolSize: p[0], strides: s[0], padding: padding)
      default: return try AveragePooling1D(poolSize: p[0], strides: s[0], padding: padding)
      }
    }
  }

  static func oracle(_ c: [String: Any]) -> LayerOracle {
    var parameters: [Tensor] = [], gradients = [tensor(c["gx"])]
    if c["kernel"] != nil {
      parameters.append(tensor(c["kernel"])); gradients.append(tensor(c["gkernel"]))
    }
    if c["bias"] != nil {
      parameters.append(tensor(c["bias"])); gradients.append(tensor(c["gbias"]))
    }
    return LayerOracle(input: tensor(c["x"]), parameters: parameters, gradOutput: tensor(c["gy"]), output: tensor(c["y"]),
                       gradients: gradients, tolerance: 1e-5)
  }
}

@Suite struct ConvolutionReferenceTests {
  /// Output and gradients (input, kernel, bias) equal PyTorch's within 1e-5 relative; finite
  /// differences agree; a model holding the layer saves and loads to the same predictions.
  @Test(arguments: ConvReference.names)
  func matchesPyTorch(_ name: String) throws {
    let c = ConvReference.cases.first { $0["name"] as! String == name }!
    let o = ConvReference.oracle(c)
    let inputShape = Array(o.input.shape.dropFirst())
    // Distinct values 0.05 apart, so that no finite-difference step changes a max's winner.
    var r = RandomStream(seed: 8)
    let count = 2 * inputShape.reduce(1, *)
    let keys = Tensor.randomUniform([count], stream: &r).scalars
    let rank = (0..<count).sorted { keys[$0] < keys[$1] }
    let spread = Tensor(shape: [2] + inputShape, scalars: rank.map { Float($0) * 0.05 - 1 })
    try checkLayer(name, inputShape: inputShape, rows: 2, input: (c["layer"] as! String).hasPrefix("Max") ? spread : nil) {
      try ConvReference.layer(c)
    }
    // Against PyTorch (float64): each value within 1e-5 of max(|reference|, the reference's
    // root mean square): float32 sums that cancel to near zero are held to the scale of the
    // tensor they belong to.
    let layer = try ConvReference.layer(c)
    layer.name = "l"
    var rb = RandomStream(seed: 1)
    _ = try layer.build(inputShape: inputShape, random: &rb)
    for (w, t) in zip(layer.parameters, o.parameters) { try w.assign(t) }
    let y = try layer.forward(o.input, training: true)
    let got = [Tensor(shape: y.shape, scalars: y.scalars), try layer.backward(o.gradOutput, accumulate: false)] + layer.parameters.map(\.grad)
    let want = [o.output] + o.gradients
    let what = ["output", "input gradient"] + layer.parameters.map { "\($0.name) gradient" }
    #expect(got.count == want.count)
    for (k, (a, b)) in zip(got, want).enumerated() {
      let rms = (b.scalars.reduce(0) { $0 + Double($1) * Double($1) } / Double(max(b.count, 1))).squareRoot()
      let worst = zip(a.scalars, b.scalars).map { Double(abs($0 - $1)) / max(Double(abs($1)), rms) }.max() ?? 0
      #expect(a.shape == b.shape && worst <= 1e-5, "\(name): \(what[k]) off PyTorch by \(worst) relative")
    }
  }

  /// The same in one thread and in two: the unrolling and folding split by sample.
  @Test func threadCountDoesNotChangeBits() throws {
    func run(_ threads: Int) throws -> [Float] {
      try Parallel.withThreads(threads) {
        var r = RandomStream(seed: 2)
        let x = Tensor.randomNormal([16, 12, 12, 3], stream: &r)
        let conv = try Conv2D(filters: 8, kernelSize: (3, 3), padding: .same, activation: .relu, name: "c")
        var rb = RandomStream(seed: 4)
        _ = try conv.build(inputShape: [12, 12, 3], random: &rb)
        let y = try conv.forward(x, training: true)
        let dx = try conv.backward(Tensor.randomNormal(y.shape, stream: &r), accumulate: false)
        return y.scalars + dx.scalars + conv.kernel!.grad.scalars
      }
    }
    #expect(try run(1).map(\.bitPattern) == run(2).map(\.bitPattern))
  }
}

/// Each sample's values as one row (a stand-in for a flatten layer in these tests).
private final class Rows: Layer {
  static let kind = "Rows"
  var name = ""
  var needsInputGradient = true
  private(set) var outputShape: [Int] = []
  private(set) var isBuilt = false
  private var inputShape: [Int] = []
  func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    self.inputShape = inputShape; outputShape = [inputShape.reduce(1, *)]; isBuilt = true
    return outputShape
  }
  var parameters: [Weight] { [] }
  var config: [String: Any] { [:] }
  func forward(_ x: Tensor, training: Bool) throws -> Tensor { try x.reshaped([x.shape[0]] + outputShape) }
  func backward(_ g: Tensor, accumulate: Bool) throws -> Tensor { try g.reshaped([g.shape[0]] + inputShape) }
}

@Suite struct ConvolutionModelTests {
  /// fit batches images as images: a convolutional model trains on [n, h, w, c] data.
  @Test func fitTakesImageBatches() throws {
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([40, 6, 6, 2], stream: &r)
    var y = Tensor.zeros([40, 3])
    y.withUnsafeMutableBufferPointer { p in for i in 0..<40 { p[i * 3 + i % 3] = 1 } }
    let m = Sequential(inputShape: [6, 6, 2], random: RandomStream(seed: 1))
    try m.add(Conv2D(filters: 4, kernelSize: (3, 3), padding: .same, activation: .relu))
    try m.add(MaxPooling2D(poolSize: (2, 2)))
    try m.add(Rows())
    try m.add(Dense(units: 3, activation: .softmax))
    try m.compile(optimizer: Adam(), loss: CategoricalCrossEntropy())
    var o = FitOptions()
    o.batchSize = 16; o.epochs = 3; o.verbose = 0
    let history = try m.fit(x: x, y: y, options: o)
    #expect(history.values["loss"]?.count == 3)
    #expect(try m.predict(x).shape == [40, 3])
  }

  /// Errors at build name the layer and both shapes.
  @Test func buildErrorsNameLayerAndShapes() throws {
    func message(_ layer: Layer, _ shape: [Int]) -> String {
      var r = RandomStream(seed: 0)
      do { _ = try layer.build(inputShape: shape, random: &r); return "no error" } catch { return "\(error)" }
    }
    let big = try Conv2D(filters: 2, kernelSize: (5, 3), padding: .same, name: "conv")
    #expect(message(big, [4, 8, 1]) == "conv: kernel 5x3 is larger than its input 4x8 (unpadded)")
    let dilated = try Conv1D(filters: 2, kernelSize: 3, dilation: 3, name: "c1")
    #expect(message(dilated, [6, 2]) == "c1: kernel 3 (spanning 7 with dilation 3) is larger than its input 6 (unpadded)")
    let rank = try Conv2D(filters: 2, kernelSize: (3, 3), name: "conv")
    #expect(message(rank, [10, 3]) == "conv expects images [height, width, channels] per sample, got shape 10x3")
    let pool = try MaxPooling1D(poolSize: 4, name: "pool")
    #expect(message(pool, [3, 5]) == "pool: pool size 4 is larger than its input 3 (unpadded)")
    #expect(throws: LayerError.self) { try Conv2D(filters: 0, kernelSize: (3, 3)) }
  }
}

@Suite struct ConvolutionNamingTests {
  /// Unnamed layers are named as Keras names them: conv2d_1, max_pooling1d_1.
  @Test func defaultNamesFollowKeras() throws {
    let m = Sequential(inputShape: [8, 8, 2], random: RandomStream(seed: 1))
    try m.add(Conv2D(filters: 2, kernelSize: (3, 3)))
    try m.add(MaxPooling2D())
    try m.add(AveragePooling2D())
    #expect(m.layers.map(\.name) == ["conv2d_1", "max_pooling2d_1", "average_pooling2d_1"])
    #expect(Sequential.snakeCase("BatchNormalization") == "batch_normalization")
  }
}
