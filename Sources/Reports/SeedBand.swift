import Foundation

/// The mean ± standard deviation of one series over the runs of a seed group, step by step.
public struct SeedBand: Sendable, Equatable {
  public struct Point: Sendable, Equatable {
    public var step: Int
    public var mean: Double
    public var std: Double
  }

  public var points: [Point]
  /// How many runs of the group logged the series (the band is over these).
  public var runCount: Int
  /// Whether some run logged steps that not all of them did: the band then covers only the
  /// shared steps.
  public var truncated: Bool
  /// The last step any of the runs logged.
  public var lastStep: Int?

  /// The band over `series` (one per run that logged it). Steps are aligned by number, and
  /// only the steps every run logged are kept; a step logged twice counts with its last value.
  /// The std is the population standard deviation (divided by n, as numpy's `std` and the
  /// k-fold recipe); a non-finite value at a step makes mean and std NaN there (a gap).
  public static func over(_ series: [[ReportPoint]]) -> SeedBand {
    let byStep = series.map { points -> [Int: Double] in
      var values: [Int: Double] = [:]
      for p in points { values[p.step] = p.value }
      return values
    }
    guard var shared = byStep.first.map({ Set($0.keys) }) else {
      return SeedBand(points: [], runCount: 0, truncated: false, lastStep: nil)
    }
    for values in byStep.dropFirst() { shared.formIntersection(values.keys) }
    let all = byStep.reduce(into: Set<Int>()) { $0.formUnion($1.keys) }
    let points = shared.sorted().map { step -> Point in
      let values = byStep.map { $0[step]! }
      guard values.allSatisfy(\.isFinite) else { return Point(step: step, mean: .nan, std: .nan) }
      let n = Double(values.count)
      let mean = values.reduce(0, +) / n
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
      return Point(step: step, mean: mean, std: variance.squareRoot())
    }
    return SeedBand(points: points, runCount: series.count, truncated: all.count != shared.count, lastStep: all.max())
  }
}
