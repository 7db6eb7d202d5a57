import Foundation
import Tensors

/// Draws every active parameter independently: uniform over its range (in the logarithm for
/// log ranges), each option of a choice equally likely. Trial n draws from its own stream of the
/// study's seed, so it does not depend on which worker made it or when.
public struct RandomSampler: Sampler {
  public let seed: UInt64
  public var name: String { "random" }

  public init(seed: UInt64) { self.seed = seed }

  public func sample(space: SearchSpace, trials: [TrialRecord], number: Int) throws -> [String: Double] {
    var stream = RandomStream(root: seed, name: "sweep/random/\(number)")
    var params: [String: Double] = [:]
    for p in space.parameters where space.isActive(p, given: params) {
      params[p.key] = RandomSampler.draw(p.distribution, &stream)
    }
    return params
  }

  /// One value of `d` (internal form), uniform in its own terms.
  public static func draw(_ d: Distribution, _ stream: inout RandomStream) -> Double {
    let u = stream.uniformDouble()
    switch d {
    case .uniform(let low, let high, nil):
      return low + u * (high - low)
    case .logUniform(let low, let high):
      return Foundation.exp(Foundation.log(low) + u * (Foundation.log(high) - Foundation.log(low)))
    case .integer(let low, let high, 1, true):
      // Uniform in log over [low - 0.5, high + 0.5], as Optuna's log integers, then rounded.
      let a = Foundation.log(Double(low) - 0.5), b = Foundation.log(Double(high) + 0.5)
      let x = Foundation.exp(a + u * (b - a)).rounded()
      return min(max(x, Double(low)), Double(high))
    case .uniform, .integer, .choice:
      // Finitely many values: each equally likely.
      let n = d.count ?? 1
      let k = min(Int(u * Double(n)), n - 1)
      return RandomSampler.internalValue(of: d, at: k)
    }
  }

  /// The internal value of the k-th of a finite distribution's values (0-based).
  public static func internalValue(of d: Distribution, at k: Int) -> Double {
    switch d {
    case .uniform(let low, let high, let step?): return min(low + Double(k) * step, high)
    case .integer(let low, _, let step, false): return Double(low + k * step)
    case .integer(let low, _, _, true): return Double(low + k)
    case .choice: return Double(k)
    case .uniform(let low, _, nil), .logUniform(let low, _): return low
    }
  }
}
