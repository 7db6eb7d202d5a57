import Foundation
import Tensors

/// The density TPE fits to one parameter's values in a group of trials: a mixture with one kernel
/// per observed value and one wide prior kernel. Numbers get Gaussians truncated to the range (in
/// the logarithm for log ranges; integers and stepped ranges take each value's mass over its
/// cell), choices get a categorical kernel leaning to the observed option.
struct ParzenEstimator {
  /// The range a number kernel lives on: bounds in the transformed space (logarithm for log
  /// ranges, widened by half a step for stepped ones), and the value grid to snap to.
  struct Range {
    var low: Double
    var high: Double
    var step: Double?
    var log: Bool
    /// The smallest and largest values the parameter takes (on its grid).
    var first: Double
    var last: Double
  }

  enum Kernels {
    /// Gaussian kernels in the transformed space; the last is the prior.
    case numbers(range: Range, mus: [Double], sigmas: [Double])
    /// One row of option probabilities per kernel; the last is the prior.
    case options([[Double]])
  }

  /// The kernels' weights, summing to 1 (the prior's last).
  let weights: [Double]
  let kernels: Kernels
  private let logWeights: [Double]
  /// For numbers: log of each kernel's mass inside the range (plus log sigma for continuous ones).
  private let logNormalizers: [Double]

  static let priorWeight = 1.0

  /// The weights of n observations in trial order: flat up to 25, then older ones ramp down.
  static func observationWeights(_ n: Int) -> [Double] {
    guard n >= 25 else { return Array(repeating: 1, count: n) }
    let ramp = n - 25
    var w: [Double] = (0..<ramp).map { i in
      ramp == 1 ? 1.0 / Double(n) : 1.0 / Double(n) + (1 - 1.0 / Double(n)) * Double(i) / Double(ramp - 1)
    }
    w += Array(repeating: 1, count: 25)
    return w
  }

  /// The range of `d` as kernels see it; nil for a choice.
  static func range(of d: Distribution) -> Range? {
    var (first, last, step, log): (Double, Double, Double?, Bool)
    switch d {
    case .uniform(let low, _, nil): (first, last, step, log) = (low, d.upper, nil, false)
    case .uniform(let low, _, let s?): (first, last, step, log) = (low, d.upper, s, false)
    case .logUniform(let low, let high): (first, last, step, log) = (low, high, nil, true)
    case .integer(let low, _, let s, let l): (first, last, step, log) = (Double(low), d.upper, Double(s), l)
    case .choice: return nil
    }
    var low = first, high = last
    if let step { low -= step / 2; high += step / 2 }
    if log { low = Foundation.log(low); high = Foundation.log(high) }
    return Range(low: low, high: high, step: step, log: log, first: first, last: last)
  }

  /// Fits the estimator to `observations` (internal form, in trial order) of a parameter with
  /// distribution `d`.
  init(observations: [Double], distribution d: Distribution) {
    let n = observations.count
    var w = n == 0 ? [1.0] : ParzenEstimator.observationWeights(n) + [ParzenEstimator.priorWeight]
    let total = w.reduce(0, +)
    w = w.map { $0 / total }
    weights = w
    logWeights = w.map { Foundation.log($0) }

    guard let range = ParzenEstimator.range(of: d) else {
      let k = d.count ?? 1
      guard n > 0 else {
        kernels = .options([Array(repeating: 1 / Double(k), count: k)])
        logNormalizers = []
        return
      }
      let kernelCount = Double(n + 1)
      var rows = [[Double]](repeating: Array(repeating: ParzenEstimator.priorWeight / kernelCount, count: k), count: n + 1)
      for (i, x) in observations.enumerated() { rows[i][min(max(Int(x), 0), k - 1)] += 1 }
      rows = rows.map { row in
        let s = row.reduce(0, +)
        return row.map { $0 / (s == 0 ? 1 : s) }
      }
      kernels = .options(rows)
      logNormalizers = []
      return
    }

    let mus = range.log ? observations.map { Foundation.log($0) } : observations
    var sigmas = [Double](repeating: 0, count: n)
    if n > 0 {
      let order = mus.indices.sorted { mus[$0] < mus[$1] }
      var sorted: [Double] = [range.low]
      for i in order { sorted.append(mus[i]) }
      sorted.append(range.high)
      var sortedSigmas: [Double] = []
      for i in 1...n {
        let left: Double = sorted[i] - sorted[i - 1]
        let right: Double = sorted[i + 1] - sorted[i]
        sortedSigmas.append(max(left, right))
      }
      if n >= 2 {
        // The end kernels look only inward: the range's ends do not widen them.
        sortedSigmas[0] = sorted[2] - sorted[1]
        sortedSigmas[n - 1] = sorted[n] - sorted[n - 1]
      }
      let width = range.high - range.low
      let minSigma = width / min(100, 1 + Double(n + 1))
      for (rank, i) in order.enumerated() { sigmas[i] = min(max(sortedSigmas[rank], minSigma), width) }
    }
    let allMus = mus + [0.5 * (range.low + range.high)]
    let allSigmas = sigmas + [range.high - range.low]
    kernels = .numbers(range: range, mus: allMus, sigmas: allSigmas)
    logNormalizers = zip(allMus, allSigmas).map { (mu: Double, sigma: Double) -> Double in
      let mass = TruncatedNormal.logMass((range.low - mu) / sigma, (range.high - mu) / sigma)
      return range.step == nil ? mass + Foundation.log(sigma) : mass
    }
  }

  /// The kernel a uniform number u ∈ [0, 1) falls on, by the weights.
  func kernel(at u: Double) -> Int {
    var acc = 0.0
    for (i, w) in weights.enumerated() {
      acc += w
      if u < acc { return i }
    }
    return weights.count - 1
  }

  /// `count` values (internal form) drawn from the mixture.
  func sample(_ count: Int, _ stream: inout RandomStream) -> [Double] {
    (0..<count).map { _ in draw(kernel: kernel(at: stream.uniformDouble()), &stream) }
  }

  /// One value (internal form) drawn from kernel `k`.
  func draw(kernel k: Int, _ stream: inout RandomStream) -> Double {
    let u = stream.uniformDouble()
    switch kernels {
    case .options(let rows):
      var acc = 0.0
      for (i, p) in rows[k].enumerated() {
        acc += p
        if u < acc { return Double(i) }
      }
      return Double(rows[k].count - 1)
    case .numbers(let r, let mus, let sigmas):
      let mu = mus[k], sigma = sigmas[k]
      var x = TruncatedNormal.quantile(u, (r.low - mu) / sigma, (r.high - mu) / sigma) * sigma + mu
      if r.log { x = Foundation.exp(x) }
      if let step = r.step {
        x = r.first + ((x - r.first) / step).rounded() * step
      }
      return min(max(x, r.first), r.last)
    }
  }

  /// log of each kernel's density (or mass, for a grid of values) at x (internal form).
  func kernelLogDensities(_ x: Double) -> [Double] {
    switch kernels {
    case .options(let rows):
      let i = Int(x)
      return rows.map { Foundation.log($0[i]) }
    case .numbers(let r, let mus, let sigmas):
      var terms = [Double](repeating: 0, count: mus.count)
      if let step = r.step {
        var left = x - step / 2, right = x + step / 2
        if r.log { left = Foundation.log(left); right = Foundation.log(right) }
        for k in terms.indices {
          terms[k] = TruncatedNormal.logMass((left - mus[k]) / sigmas[k], (right - mus[k]) / sigmas[k]) - logNormalizers[k]
        }
      } else {
        let t = r.log ? Foundation.log(x) : x
        for k in terms.indices {
          let z = (t - mus[k]) / sigmas[k]
          terms[k] = -0.5 * z * z - TruncatedNormal.logRoot2Pi - logNormalizers[k]
        }
      }
      return terms
    }
  }

  /// log of the mixture's density at x (internal form).
  func logDensity(_ x: Double) -> Double {
    ParzenEstimator.logSumExp(zip(logWeights, kernelLogDensities(x)).map { $0 + $1 })
  }

  /// log of the density of a product of estimators fitted to the same trials (so with the same
  /// kernel weights), each kernel taking all the parameters at once, at the values `xs`.
  static func jointLogDensity(_ estimators: [ParzenEstimator], _ xs: [Double]) -> Double {
    var terms = estimators[0].logWeights
    for (e, x) in zip(estimators, xs) {
      for (k, d) in e.kernelLogDensities(x).enumerated() { terms[k] += d }
    }
    return logSumExp(terms)
  }

  static func logSumExp(_ terms: [Double]) -> Double {
    let m = terms.max() ?? -.infinity
    guard m > -.infinity else { return -.infinity }
    return m + Foundation.log(terms.reduce(0) { $0 + Foundation.exp($1 - m) })
  }
}
