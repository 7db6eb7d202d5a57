import Foundation
@testable import NN
import Tensors

/// Helpers for the graph-model tests: small graphs and finite differences through them.
enum GraphSupport {
  static func random(_ shape: [Int], seed: UInt64) -> Tensor {
    var r = RandomStream(seed: seed)
    return Tensor.randomNormal(shape, stream: &r)
  }

  /// Σ outputs ⊙ probes: a scalar whose gradient with respect to each output is its probe.
  static func objective(_ outs: [Tensor], _ probes: [Tensor]) -> Double {
    zip(outs, probes).reduce(0) { acc, pair in
      acc + zip(pair.0.scalars, pair.1.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
  }

  /// Central differences of `objective` with respect to each value of `t` (perturbed in place).
  static func numeric(_ t: Tensor, eps: Float = 1e-2, _ f: () throws -> Double) rethrows -> [Double] {
    let p = t.storage.pointer
    var out: [Double] = []
    for i in 0..<t.count {
      let v = p[i]
      p[i] = v + eps
      let up = try f()
      p[i] = v - eps
      let down = try f()
      p[i] = v
      out.append((up - down) / Double(2 * eps))
    }
    return out
  }

  /// The largest |a - b| / max(|b|, floor).
  static func worst(_ a: [Float], _ b: [Double], floor: Double = 1e-2) -> Double {
    zip(a, b).map { abs(Double($0) - $1) / max(abs($1), floor) }.max() ?? 0
  }
}
