import Catalog
import Testing
@testable import NN
import Tensors

/// Catalog-wide: every registered layer passes a finite-difference gradient check, for its
/// input and every weight.
@Suite struct LayerGradientTests {
  /// Sample arguments for each registered layer kind (a new layer adds its line here).
  static let samples: [String: [[Value]]] = [
    "Dense": Activation.allCases.map { [.integer(4), .table([("activation", .string($0.rawValue))])] }
      + [[.integer(3), .table([("use_bias", .bool(false))])]],
    "Dropout": [[.number(0.3)]],
    "Activation": Activation.allCases.map { [.string($0.rawValue)] },
    "BatchNormalization": [[]],
    "LayerNormalization": [[]],
    "Custom": [[.table([("forward", .function(HostFunction { args in
      // forward(self, x) = tanh(x ⊙ w + b), with w and b from the layer's parameters.
      guard case .table(let fields) = args[0], case .tensor(let x) = args[1],
            case .table(let ps)? = fields.first(where: { $0.key == "parameters" })?.value,
            case .tensor(let w)? = ps.first(where: { $0.key == "w" })?.value,
            case .tensor(let b)? = ps.first(where: { $0.key == "b" })?.value else { return [] }
      return [.tensor(try x.applying(.mul, w).applying(.add, b).applying(.tanh))]
    })), ("parameters", .table([("w", .tensor(Tensor(shape: [1, 5], scalars: [0.5, -1, 2, 0.3, 1]).requiringGradient())),
                                 ("b", .tensor(Tensor(shape: [5], scalars: [0.1, 0, -0.2, 0.3, 0]).requiringGradient()))]))])]],
  ]

  @Test func everyRegisteredLayerHasSamples() {
    for e in LayerLibrary.entries { #expect(Self.samples[e.name] != nil, "no gradient-check sample for \(e.name)") }
  }

  @Test(arguments: LayerLibrary.entries.map(\.name))
  func finiteDifferences(_ kind: String) throws {
    let entry = LayerLibrary.entries.first { $0.name == kind }!
    for args in Self.samples[kind] ?? [] {
      guard case .object(let o)? = try entry.call(args, in: Session(catalog: Catalog())).first, let layer = o as? Layer else { Issue.record("\(kind) not built"); return }
      layer.name = "l"
      try check(layer, "\(kind) \(args.map(\.literal))")
    }
  }

  func check(_ layer: Layer, _ label: String) throws {
    var r = RandomStream(seed: 5)
    let (n, d) = (4, 5)
    _ = try layer.build(inputSize: d, random: &r)
    // Values away from relu's kink at 0, where finite differences are meaningless.
    let magnitude = Tensor.randomUniform([n, d], low: 0.2, high: 1.5, stream: &r)
    let sign = try Tensor.randomUniform([n, d], stream: &r).compared(.gt, Tensor(scalar: 0.5)).applying(.mul, 2).applying(.sub, 1)
    let x = try magnitude.applying(.mul, sign)
    let out = try forwardFixed(layer, x)
    let g = Tensor.randomNormal(out.shape, stream: &r)
    _ = try forwardFixed(layer, x)
    let dx = try layer.backward(g, accumulate: false)
    let analytic = [dx] + layer.parameters.map(\.grad)
    // Objective: Σ forward(x) ⊙ g, perturbing one value at a time.
    func objective(_ xx: Tensor) throws -> Double {
      let y = try forwardFixed(layer, xx)
      return zip(y.scalars, g.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
    let eps: Float = 1e-2
    var targets: [(String, () -> Tensor, (Tensor) -> Void)] = [("input", { x }, { _ in })]
    // Parameters are perturbed in place, as optimizers update them (custom layers read theirs
    // from the script's tensors, which share the storage).
    for w in layer.parameters {
      let original = w.value
      targets.append((w.name, { Tensor(shape: original.shape, scalars: w.value.scalars) },
                      { new in w.value.storage.pointer.update(from: new.storage.pointer, count: new.count) }))
    }
    var xCurrent = x
    for (k, (name, get, set)) in targets.enumerated() {
      let base = get()
      for i in 0..<base.count {
        var plus = base, minus = base
        plus.withUnsafeMutableBufferPointer { $0[i] += eps }
        minus.withUnsafeMutableBufferPointer { $0[i] -= eps }
        let fp: Double, fm: Double
        if k == 0 { fp = try objective(plus); fm = try objective(minus) } else {
          set(plus); fp = try objective(xCurrent); set(minus); fm = try objective(xCurrent); set(base)
        }
        let numeric = (fp - fm) / Double(2 * eps)
        let a = Double(analytic[k].scalars[i])
        #expect(abs(a - numeric) <= 2e-3 + 2e-2 * abs(numeric), "\(label): d/d\(name)[\(i)] analytic \(a) vs numeric \(numeric)")
      }
      xCurrent = x
    }
  }

  /// Forward in training mode with the same dropout mask every time.
  func forwardFixed(_ layer: Layer, _ x: Tensor) throws -> Tensor {
    layer.seed(RandomStream(seed: 9))
    if let bn = layer as? BatchNormalization { _ = bn }  // batch statistics: deterministic given x
    let y = try layer.forward(x, training: true)
    return Tensor(shape: y.shape, storage: TensorStorage(copying: y.storage))
  }
}

/// Same seed, same bits: training is deterministic and independent of the thread count.
@Suite(.serialized) struct DeterminismTests {
  func train(threads: Int) throws -> [Tensor] {
    try Parallel.withThreads(threads) { try trainBody() }
  }

  func trainBody() throws -> [Tensor] {
    var r = RandomStream(seed: 3)
    let x = Tensor.randomNormal([256, 300], stream: &r)
    let y = try Tensor.randomUniform([256, 10], stream: &r).compared(.lt, Tensor(scalar: 0.3))
    let m = Sequential(inputSize: 300, random: RandomStream(seed: 11))
    try m.add(Dense(units: 512, activation: .relu))
    try m.add(Dropout(rate: 0.2))
    try m.add(Dense(units: 10, activation: .sigmoid))
    try m.compile(optimizer: Adam(), loss: BinaryCrossEntropy())
    var o = FitOptions()
    o.batchSize = 128; o.epochs = 2; o.verbose = 0
    try m.fit(x: x, y: y, options: o)
    return m.weights()
  }

  @Test func sameSeedSameWeightsWithOneOrTwoThreads() throws {
    let a = try train(threads: 1), b = try train(threads: 2), c = try train(threads: 2)
    for (p, q) in zip(a, b) { #expect(p.scalars.map(\.bitPattern) == q.scalars.map(\.bitPattern)) }
    for (p, q) in zip(b, c) { #expect(p.scalars.map(\.bitPattern) == q.scalars.map(\.bitPattern)) }
  }
}
