import Foundation
import Tensors

/// The Tree-structured Parzen Estimator. After `startupTrials` finished trials drawn at random,
/// each parameter is chosen on its own: the finished trials are split into the best few
/// (`below`: γ(n) = min(⌈n/10⌉, 25) of them) and the rest (`above`), a Parzen estimator l is
/// fitted to the parameter's values in the best and g to those in the rest, `candidates` values
/// are drawn from l and the one with the largest l(x)/g(x) is taken. Completed trials rank by
/// value; pruned ones follow, those that got further first, then by their last reported value;
/// failed and running trials are left out. A conditional parameter is fitted on the trials where
/// it was active. Deterministic in the seed, the trial number and the history.
public struct TPESampler: Sampler {
  public let seed: UInt64
  public var startupTrials: Int
  public var candidates: Int
  /// Whether the parameters active in every trial are chosen together (one kernel a trial over
  /// all of them) rather than each on its own; conditional parameters are always chosen alone.
  public var multivariate: Bool
  public var name: String { "tpe" }

  public init(seed: UInt64, startupTrials: Int = 10, candidates: Int = 24, multivariate: Bool = false) {
    self.seed = seed
    self.startupTrials = startupTrials
    self.candidates = candidates
    self.multivariate = multivariate
  }

  /// How many of n finished trials count as the best.
  public static func gamma(_ n: Int) -> Int { min((n + 9) / 10, 25) }

  public func sample(space: SearchSpace, trials: [TrialRecord], number: Int) throws -> [String: Double] {
    let finished = trials.filter { $0.number != number && TPESampler.counts($0) }.sorted { $0.number < $1.number }
    guard finished.count >= startupTrials else {
      return try RandomSampler(seed: seed).sample(space: space, trials: trials, number: number)
    }
    let (below, above) = TPESampler.split(finished, direction: space.direction)
    var stream = RandomStream(root: seed, name: "sweep/tpe/\(number)")
    var params: [String: Double] = [:]
    if multivariate {
      let joint = space.parameters.filter { $0.condition == nil }
      for (key, value) in sampleJointly(joint, below: below, above: above, &stream) { params[key] = value }
    }
    for p in space.parameters where params[p.key] == nil && space.isActive(p, given: params) {
      let l = ParzenEstimator(observations: below.compactMap { $0.params[p.key] }, distribution: p.distribution)
      let g = ParzenEstimator(observations: above.compactMap { $0.params[p.key] }, distribution: p.distribution)
      var best = -Double.infinity, chosen: Double? = nil
      var seen: [Double: Double] = [:]
      for x in l.sample(candidates, &stream) {
        let score: Double
        if let s = seen[x] { score = s } else {
          score = l.logDensity(x) - g.logDensity(x)
          seen[x] = score
        }
        if chosen == nil || score > best { best = score; chosen = x }
      }
      params[p.key] = chosen
    }
    return params
  }

  /// Values for `joint` chosen together: one estimator per parameter over the trials that have
  /// them all, a candidate draws every parameter from the same kernel, and the candidates are
  /// scored by the joint densities' ratio.
  func sampleJointly(_ joint: [SweepParameter], below: [TrialRecord], above: [TrialRecord],
                     _ stream: inout RandomStream) -> [String: Double] {
    guard !joint.isEmpty else { return [:] }
    func estimators(_ group: [TrialRecord]) -> [ParzenEstimator] {
      let having = group.filter { t in joint.allSatisfy { t.params[$0.key] != nil } }
      return joint.map { p in ParzenEstimator(observations: having.map { $0.params[p.key]! }, distribution: p.distribution) }
    }
    let l = estimators(below), g = estimators(above)
    var best = -Double.infinity, chosen: [Double] = []
    for _ in 0..<candidates {
      let k = l[0].kernel(at: stream.uniformDouble())
      var xs: [Double] = []
      for e in l { xs.append(e.draw(kernel: k, &stream)) }
      let score = ParzenEstimator.jointLogDensity(l, xs) - ParzenEstimator.jointLogDensity(g, xs)
      if chosen.isEmpty || score > best { best = score; chosen = xs }
    }
    return Dictionary(uniqueKeysWithValues: zip(joint.map(\.key), chosen))
  }

  /// Whether a trial informs the estimators: complete with a value, or pruned.
  static func counts(_ t: TrialRecord) -> Bool {
    switch t.state {
    case .complete: return t.value.map { !$0.isNaN } ?? false
    case .pruned: return true
    default: return false
    }
  }

  /// The best γ(n) of the finished trials and the rest, each in trial-number order.
  static func split(_ finished: [TrialRecord], direction: Direction) -> (below: [TrialRecord], above: [TrialRecord]) {
    var n = gamma(finished.count)
    let sign = direction == .minimize ? 1.0 : -1.0
    let complete = finished.filter { $0.state == .complete }
      .sorted { (sign * $0.value!, $0.number) < (sign * $1.value!, $1.number) }
    // A pruned trial ranks by how far it got, then by its last value; one that reported nothing last.
    func rank(_ t: TrialRecord) -> (Double, Double, Int) {
      guard let step = t.lastStep, let v = t.intermediate[step] else { return (1, 0, t.number) }
      return (-Double(step), v.isNaN ? .infinity : sign * v, t.number)
    }
    let pruned = finished.filter { $0.state == .pruned }.sorted { rank($0) < rank($1) }
    let completeBelow = min(n, complete.count)
    n -= completeBelow
    let prunedBelow = min(n, pruned.count)
    let below = (complete.prefix(completeBelow) + pruned.prefix(prunedBelow)).sorted { $0.number < $1.number }
    let above = (complete.dropFirst(completeBelow) + pruned.dropFirst(prunedBelow)).sorted { $0.number < $1.number }
    return (below, above)
  }
}
