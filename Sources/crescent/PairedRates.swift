import Foundation

/// Rates measured in pairs, with and without some cost, alternating which goes first each round;
/// the cost is the median of the paired slowdowns, which a noisy neighbour moves much less than
/// any one measurement.
struct PairedRates {
  private(set) var with: [Double] = []
  private(set) var without: [Double] = []
  private(set) var slowdowns: [Double] = []

  /// Runs `rounds` pairs of `measure(true)` (with the cost) and `measure(false)`.
  init(rounds: Int, _ measure: (Bool) throws -> Double) rethrows {
    for round in 0..<rounds {
      var a = 0.0, b = 0.0
      if round % 2 == 0 {
        a = try measure(true)
        b = try measure(false)
      } else {
        b = try measure(false)
        a = try measure(true)
      }
      with.append(a)
      without.append(b)
      slowdowns.append(100 * (b / a - 1))
    }
  }

  /// The figures as `with_samples_per_sec=… without_samples_per_sec=… slowdown_percent=…`.
  var summary: String {
    "with_samples_per_sec=\(String(format: "%.0f", PairedRates.median(with))) "
      + "without_samples_per_sec=\(String(format: "%.0f", PairedRates.median(without))) "
      + "slowdown_percent=\(String(format: "%.1f", PairedRates.median(slowdowns)))"
  }

  static func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
