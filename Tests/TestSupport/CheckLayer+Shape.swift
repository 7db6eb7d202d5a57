import Foundation
import NN
import Tensors
import Testing

/// `checkLayer` for layers over samples of any shape (sequences, images): central finite
/// differences for the input (unless `inputGradient` is false: an embedding's indices have
/// none) and every parameter, then a model file round trip. `input` makes the batch (default:
/// values away from 0 of shape `[rows] + inputShape`).
public func checkShapedLayer(_ label: String, inputShape: [Int], rows n: Int = 3, inputGradient: Bool = true, roundTrip: Bool = true,
                             input: ((inout RandomStream) -> Tensor)? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation, _ make: () throws -> Layer) throws {
  let makeInput: (inout RandomStream) throws -> Tensor = { r in try input?(&r) ?? awayFromZero([n] + inputShape, &r) }
  let layer = try make()
  if layer.name.isEmpty { layer.name = "l" }
  var r = RandomStream(seed: 5)
  _ = try layer.build(inputShape: inputShape, random: &r)
  let x = try makeInput(&r)
  let out = try forwardFixed(layer, x)
  let g = Tensor.randomNormal(out.shape, stream: &r)
  _ = try forwardFixed(layer, x)
  let dx = try layer.backward(g, accumulate: false)
  let analytic = [Tensor(shape: dx.shape, scalars: dx.scalars)] + layer.parameters.map { Tensor(shape: $0.grad.shape, scalars: $0.grad.scalars) }
  func objective(_ xx: Tensor) throws -> Double {
    let y = try forwardFixed(layer, xx)
    return zip(y.scalars, g.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }
  let eps: Float = 1e-2
  var targets: [(String, () -> Tensor, (Tensor) -> Void)] = inputGradient ? [("input", { x }, { _ in })] : []
  for w in layer.parameters {
    let shape = w.value.shape
    targets.append((w.name, { Tensor(shape: shape, scalars: w.value.scalars) },
                    { new in w.value.storage.pointer.update(from: new.storage.pointer, count: new.count) }))
  }
  for (name, get, set) in targets {
    let k = name == "input" ? 0 : 1 + layer.parameters.firstIndex { $0.name == name }!
    let base = get()
    for i in 0..<base.count {
      var plus = base, minus = base
      plus.withUnsafeMutableBufferPointer { $0[i] += eps }
      minus.withUnsafeMutableBufferPointer { $0[i] -= eps }
      let fp: Double, fm: Double
      if name == "input" { fp = try objective(plus); fm = try objective(minus) } else {
        set(plus); fp = try objective(x); set(minus); fm = try objective(x); set(base)
      }
      let numeric = (fp - fm) / Double(2 * eps)
      let a = Double(analytic[k].scalars[i])
      #expect(abs(a - numeric) <= 2e-3 + 2e-2 * abs(numeric), "\(label): d/d\(name)[\(i)] analytic \(a) vs numeric \(numeric)",
              sourceLocation: sourceLocation)
    }
  }
  guard roundTrip else { return }
  let net = Sequential(inputShape: inputShape, random: RandomStream(seed: 21))
  try net.add(try make())
  var r2 = RandomStream(seed: 6)
  let x2 = try makeInput(&r2)
  let path = NSTemporaryDirectory() + "crescent-check-layer-\(UInt32.random(in: 0...UInt32.max)).safetensors"
  defer { try? FileManager.default.removeItem(atPath: path) }
  try ModelFile.save(Model(net), to: path)
  let back = try ModelFile.load(path, in: try nnSession()).network
  #expect(back.layers.map(\.name) == net.layers.map(\.name) && back.inputShape == net.inputShape,
          "\(label): layers and input shape after loading", sourceLocation: sourceLocation)
  let want = try net.predict(x2), got = try back.predict(x2)
  #expect(got.shape == want.shape && got.scalars.map(\.bitPattern) == want.scalars.map(\.bitPattern),
          "\(label): predictions after loading", sourceLocation: sourceLocation)
}
