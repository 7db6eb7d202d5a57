import Foundation

/// The standard normal distribution truncated to [a, b], in log space where the tails need it:
/// the kernels of the Parzen estimator are such Gaussians, cut to a parameter's range.
enum TruncatedNormal {
  static let logRoot2Pi = 0.5 * Foundation.log(2 * Double.pi)

  /// Φ(a), the standard normal's cumulative distribution.
  static func cdf(_ a: Double) -> Double {
    let x = a / 2.0.squareRoot()
    if x < -1 / 2.0.squareRoot() { return 0.5 * erfc(-x) }
    if x < 1 / 2.0.squareRoot() { return 0.5 + 0.5 * erf(x) }
    return 1 - 0.5 * erfc(x)
  }

  /// log Φ(a), accurate far into the left tail (an asymptotic series below -20).
  static func logCDF(_ a: Double) -> Double {
    if a > 6 { return -cdf(-a) }
    if a > -20 { return Foundation.log(cdf(a)) }
    let logLeft = -0.5 * a * a - Foundation.log(-a) - logRoot2Pi
    var last = 0.0, sum = 1.0, numerator = 1.0, denominator = 1.0, sign = 1.0
    let inverseSquare = 1 / (a * a)
    var i = 0
    while abs(last - sum) > Double.ulpOfOne, i < 50 {
      i += 1
      last = sum
      sign = -sign
      denominator *= inverseSquare
      numerator *= Double(2 * i - 1)
      sum += sign * numerator * denominator
    }
    return logLeft + Foundation.log(sum)
  }

  /// log(exp(p) - exp(q)) for p ≥ q.
  static func logDiff(_ p: Double, _ q: Double) -> Double {
    p + Foundation.log1p(-Foundation.exp(q - p))
  }

  /// log(exp(p) + exp(q)).
  static func logSum(_ p: Double, _ q: Double) -> Double {
    let m = max(p, q)
    guard m > -.infinity else { return -.infinity }
    return m + Foundation.log(Foundation.exp(p - m) + Foundation.exp(q - m))
  }

  /// log of the standard normal's mass between a and b (a ≤ b).
  static func logMass(_ a: Double, _ b: Double) -> Double {
    if b <= 0 { return logDiff(logCDF(b), logCDF(a)) }
    if a > 0 { return logDiff(logCDF(-a), logCDF(-b)) }
    return Foundation.log1p(-cdf(a) - cdf(-b))
  }

  /// The x with log Φ(x) = y (y ≤ 0), by Newton's method from a tail or logistic first guess.
  static func inverseLogCDF(_ y: Double) -> Double {
    let flipped = y > -1e-2
    let z = flipped ? Foundation.log(-Foundation.expm1(y)) : y
    var x = z < -5 ? -(-2 * (z + logRoot2Pi)).squareRoot()
                   : -(3.0.squareRoot() / Double.pi) * Foundation.log(Foundation.expm1(-z))
    for _ in 0..<100 {
      let logPhi = logCDF(x)
      let logDensity = -0.5 * x * x - logRoot2Pi
      let dx = (logPhi - z) * Foundation.exp(logPhi - logDensity)
      x -= dx
      if abs(dx) < 1e-8 * abs(x) { break }
    }
    return flipped ? -x : x
  }

  /// The quantile q of the standard normal truncated to [a, b].
  static func quantile(_ q: Double, _ a: Double, _ b: Double) -> Double {
    if a == b { return .nan }
    if q <= 0 { return a }
    if q >= 1 { return b }
    let mass = logMass(a, b)
    if a < 0 {
      return inverseLogCDF(logSum(logCDF(a), Foundation.log(q) + mass))
    }
    return -inverseLogCDF(logSum(logCDF(-b), Foundation.log1p(-q) + mass))
  }

  /// log density at x of the normal (mu, sigma) truncated to [low, high].
  static func logDensity(_ x: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    guard x >= low, x <= high else { return -.infinity }
    let z = (x - mu) / sigma
    return -0.5 * z * z - logRoot2Pi - logMass((low - mu) / sigma, (high - mu) / sigma) - Foundation.log(sigma)
  }
}
