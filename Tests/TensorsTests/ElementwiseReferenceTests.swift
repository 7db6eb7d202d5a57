import CKernels
import Foundation
import Testing
import TestSupport
@testable import Tensors

/// Activations and BCE against PyTorch 2.13 (values copied from the shared reference file into
/// Fixtures/nn_elementwise.json).
struct ElementwiseReferenceTests {
  struct Fixture: Decodable {
    struct Dense: Decodable {
      struct Grads: Decodable {
        let output: [[Float]]
        let grad_x: [[Float]]
        let grad_W: [[Float]]
        let grad_b: [Float]
      }
      let x: [[Float]]
      let W: [[Float]]
      let b: [Float]
      let grad_output: [[Float]]
      let activations: [String: Grads]
    }
    struct Losses: Decodable {
      struct Value: Decodable {
        let value: Double
        let grad_logits: [[Float]]
      }
      let logits: [[Float]]
      let targets: [[Float]]
      let pos_weight: [Float]
      let values: [String: Value]
    }
    let dense: Dense
    let losses: Losses
  }

  static let fixture: Fixture = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/nn_elementwise.json")
    let data = try! Data(contentsOf: url)
    return try! JSONDecoder().decode(Fixture.self, from: data)
  }()

  static func close(_ got: [Float], _ want: [Float], rtol: Float = 1e-5, atol: Float = 1e-6) -> Bool {
    got.count == want.count && zip(got, want).allSatisfy { abs($0 - $1) <= rtol * abs($1) + atol }
  }

  /// The activations added later, from Fixtures/activations.json (make_activations.py).
  struct Added: Decodable { let dense: [String: Fixture.Dense.Grads] }
  static let added: Added = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/activations.json")
    return try! JSONDecoder().decode(Added.self, from: try! Data(contentsOf: url))
  }()

  @Test(arguments: Activation.allCases)
  func denseLayer(_ act: Activation) throws {
    let d = Self.fixture.dense
    // silu is the former swish, under which the older file has it
    let ref = try #require(d.activations[act.rawValue] ?? Self.added.dense[act.rawValue] ?? (act == .silu ? d.activations["swish"] : nil))
    let (n, k, m) = (d.x.count, d.W.count, d.b.count)  // 5 x 7 @ 7 x 4
    let x = d.x.flatMap { $0 }, w = d.W.flatMap { $0 }, gy = d.grad_output.flatMap { $0 }
    // pre-activation without bias, by a naive loop in Double
    var z = [Float](repeating: 0, count: n * m)
    for i in 0..<n {
      for j in 0..<m {
        var s = 0.0
        for p in 0..<k { s += Double(x[i * k + p]) * Double(w[p * m + j]) }
        z[i * m + j] = Float(s)
      }
    }
    checkKernel { isa in
      var y = [Float](repeating: 0, count: n * m)
      Elementwise.biasActivation(act, z: z, bias: d.b, out: &y, rows: n, cols: m, threads: 1, isa: isa)
      #expect(Self.close(y, ref.output.flatMap { $0 }), "\(act) output isa \(isa.rawValue)")

      var pre = z
      for i in 0..<n { for j in 0..<m { pre[i * m + j] += d.b[j] } }
      var dz = [Float](repeating: 0, count: n * m)
      Elementwise.activationBackward(act, z: pre, y: y, dy: gy, dz: &dz, rows: n, cols: m, threads: 1, isa: isa)
      var dW = [Float](repeating: 0, count: k * m), db = [Float](repeating: 0, count: m)
      var dx = [Float](repeating: 0, count: n * k)
      for p in 0..<k {
        for j in 0..<m {
          var s = 0.0
          for i in 0..<n { s += Double(x[i * k + p]) * Double(dz[i * m + j]) }
          dW[p * m + j] = Float(s)
        }
      }
      for j in 0..<m { db[j] = Float((0..<n).reduce(0.0) { $0 + Double(dz[$1 * m + j]) }) }
      for i in 0..<n {
        for p in 0..<k {
          var s = 0.0
          for j in 0..<m { s += Double(dz[i * m + j]) * Double(w[p * m + j]) }
          dx[i * k + p] = Float(s)
        }
      }
      #expect(Self.close(dW, ref.grad_W.flatMap { $0 }), "\(act) grad_W isa \(isa.rawValue)")
      #expect(Self.close(db, ref.grad_b), "\(act) grad_b isa \(isa.rawValue)")
      #expect(Self.close(dx, ref.grad_x.flatMap { $0 }), "\(act) grad_x isa \(isa.rawValue)")
    }
  }

  @Test(arguments: [false, true])
  func bceWithLogits(_ withPosWeight: Bool) throws {
    let l = Self.fixture.losses
    let key = withPosWeight ? "binary_crossentropy_from_logits_pos_weight" : "binary_crossentropy_from_logits"
    let ref = try #require(l.values[key])
    let rows = l.logits.count, cols = l.logits[0].count
    let z = l.logits.flatMap { $0 }, t = l.targets.flatMap { $0 }
    checkKernel { isa in
      var grad = [Float](repeating: 0, count: rows * cols)
      let loss = l.pos_weight.withUnsafeBufferPointer { pw in
        Elementwise.sigmoidBCE(logits: z, targets: t, posWeight: withPosWeight ? pw.baseAddress : nil,
                               grad: &grad, rows: rows, cols: cols, threads: 1, isa: isa)
      }
      #expect(abs(loss - ref.value) <= 1e-5 * abs(ref.value), "\(key) value isa \(isa.rawValue): \(loss)")
      #expect(Self.close(grad, ref.grad_logits.flatMap { $0 }, rtol: 1e-5, atol: 1e-7), "\(key) grad isa \(isa.rawValue)")
    }
  }
}
