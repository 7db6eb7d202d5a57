import CKernels
import Foundation
import Testing
import TestSupport
@testable import Tensors

/// selu, mish, hard_sigmoid, relu6, silu and exponential against PyTorch (F.selu, F.mish,
/// F.hardsigmoid, F.relu6, F.silu, torch.exp in float64, Fixtures/activations.json from
/// tests/python/make_activations.py) on a grid from -100 to 100, and against finite differences.
struct ActivationReferenceTests {
  struct Grid: Decodable {
    struct Curve: Decodable { let value: [Double]; let grad: [Double] }
    let x: [Float]
    let curves: [String: Curve]
    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: AnyKey.self)
      x = try c.decode([Float].self, forKey: AnyKey("x"))
      var curves: [String: Curve] = [:]
      for k in c.allKeys where k.stringValue != "x" { curves[k.stringValue] = try c.decode(Curve.self, forKey: k) }
      self.curves = curves
    }
  }
  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
  struct File: Decodable { let grid: Grid }

  static let grid: Grid = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/activations.json")
    return try! JSONDecoder().decode(File.self, from: try! Data(contentsOf: url)).grid
  }()

  static let added: [Activation] = [.selu, .mish, .hard_sigmoid, .relu6, .silu, .exponential]

  /// Values and gradients within 1e-6 relative (values: 1e-37 absolute, for results below
  /// float's normal range; gradients: 1e-7 absolute, the rounding of the two terms that cancel
  /// where the derivatives of silu and mish cross zero, near x = -1.28 and -1.19), from z, from y where the activation allows it, on every instruction set.
  @Test(arguments: added)
  func valuesAndGradientsMatchPyTorch(_ act: Activation) throws {
    let g = Self.grid
    let ref = try #require(g.curves[act.rawValue])
    let n = g.x.count
    #expect(n > 500)
    let ones = [Float](repeating: 1, count: n)
    checkKernel { isa in
      var y = [Float](repeating: .nan, count: n)
      Elementwise.biasActivation(act, z: g.x, bias: nil, out: &y, rows: 1, cols: n, threads: 1, isa: isa)
      let bad = ewCompare(y, ref.value, rtol: 1e-6, atol: 1e-37, inputs: g.x)
      #expect(bad.isEmpty, "\(act) values isa \(isa.rawValue): \(bad)")
      var sources: [(Bool, Bool)] = [(true, false)]
      if !act.backwardNeedsZ && !act.backwardKeepsZ { sources.append((false, true)) }
      for (useZ, useY) in sources {
        var dz = [Float](repeating: .nan, count: n)
        g.x.withUnsafeBufferPointer { zp in
          y.withUnsafeBufferPointer { yp in
            Elementwise.activationBackward(act, z: useZ ? zp.baseAddress : nil, y: useY ? yp.baseAddress : nil,
                                           dy: ones, dz: &dz, rows: 1, cols: n, threads: 1, isa: isa)
          }
        }
        let bad = ewCompare(dz, ref.grad, rtol: 1e-6, atol: 1e-7, inputs: g.x)
        #expect(bad.isEmpty, "\(act) gradient isa \(isa.rawValue) from \(useZ ? "z" : "y"): \(bad)")
      }
    }
  }

  /// The kernel's gradient against central differences of the kernel's own forward pass, away
  /// from the corners where the derivative jumps.
  @Test(arguments: added)
  func gradientsMatchFiniteDifferences(_ act: Activation) {
    let xs = stride(from: -7.9, through: 7.9, by: 0.1).map { Float($0) }
      .filter { x in [-3, 0, 3, 6].allSatisfy { abs(x - $0) > 0.05 } }
    let n = xs.count, h: Float = 1e-2
    func f(_ x: [Float]) -> [Double] {
      var y = [Float](repeating: 0, count: x.count)
      Elementwise.biasActivation(act, z: x, bias: nil, out: &y, rows: 1, cols: x.count, threads: 1)
      return y.map(Double.init)
    }
    let up = f(xs.map { $0 + h }), down = f(xs.map { $0 - h })
    var dz = [Float](repeating: 0, count: n), y = [Float](repeating: 0, count: n)
    Elementwise.biasActivation(act, z: xs, bias: nil, out: &y, rows: 1, cols: n, threads: 1)
    Elementwise.activationBackward(act, z: xs, y: y, dy: [Float](repeating: 1, count: n), dz: &dz, rows: 1, cols: n, threads: 1)
    for i in 0..<n {
      let fd = (up[i] - down[i]) / Double(2 * h)
      let scale = max(1, abs(fd), act == .exponential ? Double(y[i]) : 1)
      #expect(abs(Double(dz[i]) - fd) <= 2e-3 * scale, "\(act) at \(xs[i]): \(dz[i]) vs \(fd)")
    }
  }

  /// swish is silu under its other name.
  @Test func swishIsSilu() {
    #expect(Activation(name: "swish") == .silu)
    #expect(Activation(name: "silu") == .silu)
    #expect(Activation(name: "hard_sigmoid") == .hard_sigmoid)
    #expect(Activation(name: "swishy") == nil)
  }
}
