import Catalog
import Foundation
import NN
import Tensors
import Testing

/// Values a reference library (PyTorch) gives for one layer: its output and the gradients of
/// Σ output ⊙ gradOutput with respect to the input and to each parameter.
public struct LayerOracle {
  public var input: Tensor
  /// The layer's parameters, in `Layer.parameters` order.
  public var parameters: [Tensor]
  public var gradOutput: Tensor
  public var output: Tensor
  /// The input's gradient, then each parameter's, in `Layer.parameters` order.
  public var gradients: [Tensor]
  public var tolerance: Float

  public init(input: Tensor, parameters: [Tensor], gradOutput: Tensor, output: Tensor, gradients: [Tensor], tolerance: Float = 1e-5) {
    self.input = input; self.parameters = parameters; self.gradOutput = gradOutput
    self.output = output; self.gradients = gradients; self.tolerance = tolerance
  }
}

/// Checks a layer kind: the analytic gradients of its input and of every parameter against
/// central finite differences; a model holding it saved to a file and loaded back predicts the
/// same bits (unless `roundTrip` is false: layers written in a script cannot be rebuilt from a
/// file); and, when given, the reference library's output and gradients. `make` builds a fresh
/// layer each time it is called.
public func checkLayer(_ label: String, inputSize d: Int = 5, rows n: Int = 4, roundTrip: Bool = true, oracle: LayerOracle? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation, _ make: () throws -> Layer) throws {
  try checkLayer(label, inputShape: [d], rows: n, roundTrip: roundTrip, oracle: oracle, sourceLocation: sourceLocation, make)
}

/// The same checks on inputs of any per-sample shape (`[steps, channels]`, `[h, w, channels]`).
/// `input`, when given, is the batch finite differences perturb (max pooling needs values
/// further apart than the step, so that no perturbation changes which value wins).
public func checkLayer(_ label: String, inputShape: [Int], rows n: Int = 4, roundTrip: Bool = true, oracle: LayerOracle? = nil,
                       input: Tensor? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ make: () throws -> Layer) throws {
  try checkFiniteDifferences(try make(), label, inputShape: inputShape, rows: n, input: input, sourceLocation: sourceLocation)
  if roundTrip { try checkRoundTrip(try make(), label, inputShape: inputShape, rows: n, sourceLocation: sourceLocation) }
  if let oracle { try checkOracle(try make(), label, oracle, sourceLocation: sourceLocation) }
}

/// Inputs away from relu's kink at 0, where finite differences are meaningless.
func awayFromZero(_ shape: [Int], _ r: inout RandomStream) throws -> Tensor {
  let magnitude = Tensor.randomUniform(shape, low: 0.2, high: 1.5, stream: &r)
  let sign = try Tensor.randomUniform(shape, stream: &r).compared(.gt, Tensor(scalar: 0.5)).applying(.mul, 2).applying(.sub, 1)
  return try magnitude.applying(.mul, sign)
}

/// Forward in training mode with the same dropout mask every time, copied out of the layer's buffer.
func forwardFixed(_ layer: Layer, _ x: Tensor) throws -> Tensor {
  layer.seed(RandomStream(seed: 9))
  let y = try layer.forward(x, training: true)
  return Tensor(shape: y.shape, scalars: y.scalars)
}

func checkFiniteDifferences(_ layer: Layer, _ label: String, inputShape: [Int], rows n: Int, input: Tensor? = nil,
                            sourceLocation: SourceLocation) throws {
  if layer.name.isEmpty { layer.name = "l" }
  var r = RandomStream(seed: 5)
  _ = try layer.build(inputShape: inputShape, random: &r)
  let x = try input ?? awayFromZero([n] + inputShape, &r)
  let out = try forwardFixed(layer, x)
  let g = Tensor.randomNormal(out.shape, stream: &r)
  _ = try forwardFixed(layer, x)
  let dx = try layer.backward(g, accumulate: false)
  let analytic = [Tensor(shape: dx.shape, scalars: dx.scalars)] + layer.parameters.map { Tensor(shape: $0.grad.shape, scalars: $0.grad.scalars) }
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
    let shape = w.value.shape
    targets.append((w.name, { Tensor(shape: shape, scalars: w.value.scalars) },
                    { new in w.value.storage.pointer.update(from: new.storage.pointer, count: new.count) }))
  }
  for (k, (name, get, set)) in targets.enumerated() {
    let base = get()
    for i in 0..<base.count {
      var plus = base, minus = base
      plus.withUnsafeMutableBufferPointer { $0[i] += eps }
      minus.withUnsafeMutableBufferPointer { $0[i] -= eps }
      let fp: Double, fm: Double
      if k == 0 { fp = try objective(plus); fm = try objective(minus) } else {
        set(plus); fp = try objective(x); set(minus); fm = try objective(x); set(base)
      }
      let numeric = (fp - fm) / Double(2 * eps)
      let a = Double(analytic[k].scalars[i])
      #expect(abs(a - numeric) <= 2e-3 + 2e-2 * abs(numeric), "\(label): d/d\(name)[\(i)] analytic \(a) vs numeric \(numeric)",
              sourceLocation: sourceLocation)
    }
  }
}

func checkRoundTrip(_ layer: Layer, _ label: String, inputShape: [Int], rows n: Int, sourceLocation: SourceLocation) throws {
  let net = Sequential(inputShape: inputShape, random: RandomStream(seed: 21))
  try net.add(layer)
  var r = RandomStream(seed: 6)
  let x = try awayFromZero([n] + inputShape, &r)
  _ = try net.forward(x, training: true)  // moves running statistics off their initial values
  let path = NSTemporaryDirectory() + "crescent-check-layer-\(UInt32.random(in: 0...UInt32.max)).safetensors"
  defer { try? FileManager.default.removeItem(atPath: path) }
  try ModelFile.save(Model(net), to: path)
  let back = try ModelFile.load(path, in: try nnSession()).network
  #expect(back.layers.map(\.name) == net.layers.map(\.name), "\(label): layer names after loading", sourceLocation: sourceLocation)
  let before = net.layers.flatMap { $0.parameters + $0.state }, after = back.layers.flatMap { $0.parameters + $0.state }
  #expect(before.map(\.name) == after.map(\.name), "\(label): weight names after loading", sourceLocation: sourceLocation)
  for (a, b) in zip(before, after) {
    #expect(a.value.shape == b.value.shape && a.value.scalars.map(\.bitPattern) == b.value.scalars.map(\.bitPattern),
            "\(label): \(a.name) after loading", sourceLocation: sourceLocation)
  }
  let want = try net.predict(x), got = try back.predict(x)
  #expect(got.shape == want.shape && got.scalars.map(\.bitPattern) == want.scalars.map(\.bitPattern),
          "\(label): predictions after loading", sourceLocation: sourceLocation)
}

func checkOracle(_ layer: Layer, _ label: String, _ o: LayerOracle, sourceLocation: SourceLocation) throws {
  if layer.name.isEmpty { layer.name = "l" }
  var r = RandomStream(seed: 1)
  _ = try layer.build(inputShape: Array(o.input.shape.dropFirst()), random: &r)
  #expect(layer.parameters.count == o.parameters.count, "\(label): parameter count", sourceLocation: sourceLocation)
  for (w, t) in zip(layer.parameters, o.parameters) { try w.assign(t) }
  let y = try forwardFixed(layer, o.input)
  let dx = try layer.backward(o.gradOutput, accumulate: false)
  let got = [y, dx] + layer.parameters.map(\.grad)
  let want = [o.output] + o.gradients
  let names = ["output", "input gradient"] + layer.parameters.map { "\($0.name) gradient" }
  for (k, (a, b)) in zip(got, want).enumerated() {
    let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) / max(abs($1), 1e-3) }.max() ?? 0
    #expect(a.count == b.count && worst <= o.tolerance, "\(label): \(names[k]) off the reference by \(worst) relative",
            sourceLocation: sourceLocation)
  }
}
