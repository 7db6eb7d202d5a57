import Foundation
import Testing
@testable import Sweeps

/// The random sampler's draws follow their distributions: Kolmogorov–Smirnov for ranges,
/// chi-square for finite ones, on 10,000 trials of a fixed seed.
@Suite struct RandomSamplerTests {
  static let n = 10_000
  static let space = SearchSpace(parameters: [
    SweepParameter(key: "u", distribution: .uniform(low: -2, high: 3, step: nil)),
    SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 1e-1)),
    SweepParameter(key: "i", distribution: .integer(low: 0, high: 9, step: 1, log: false)),
    SweepParameter(key: "w", distribution: .integer(low: 1, high: 100, step: 1, log: true)),
    SweepParameter(key: "opt", distribution: .choice([.string("a"), .string("b"), .string("c")])),
  ], objective: "loss", direction: .minimize)

  static let draws: [[String: Double]] = {
    let sampler = RandomSampler(seed: 7)
    return (0..<n).map { try! sampler.sample(space: space, trials: [], number: $0) }
  }()

  /// The largest gap between the sample's distribution and `cdf`.
  static func ks(_ xs: [Double], _ cdf: (Double) -> Double) -> Double {
    let sorted = xs.sorted()
    let m = Double(sorted.count)
    return sorted.enumerated().map { i, x in max(Double(i + 1) / m - cdf(x), cdf(x) - Double(i) / m) }.max()!
  }

  static func chiSquare(_ xs: [Double], probabilities: [Int: Double]) -> Double {
    var counts: [Int: Int] = [:]
    for x in xs { counts[Int(x), default: 0] += 1 }
    #expect(Set(counts.keys).isSubset(of: Set(probabilities.keys)))
    return probabilities.map { k, p in
      let e = p * Double(xs.count)
      return pow(Double(counts[k, default: 0]) - e, 2) / e
    }.reduce(0, +)
  }

  // The 1% critical value of the KS statistic for n = 10,000 is 1.63 / 100.
  static let ksCritical = 1.63 / Double(n).squareRoot()

  @Test func uniformIsUniform() {
    let xs = Self.draws.map { $0["u"]! }
    #expect(Self.ks(xs) { ($0 + 2) / 5 } < Self.ksCritical)
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
    // Mean 0.5 (standard error 5/√12/100 = 0.0144), variance 25/12.
    #expect(abs(mean - 0.5) < 3 * 0.0144)
    #expect(abs(variance - 25.0 / 12) < 0.06)
    #expect(xs.allSatisfy { $0 >= -2 && $0 <= 3 })
  }

  @Test func logUniformIsUniformInTheLogarithm() {
    let xs = Self.draws.map { log10($0["lr"]!) }
    #expect(Self.ks(xs) { ($0 + 4) / 3 } < Self.ksCritical)
    #expect(Self.ks(Self.draws.map { $0["lr"]! }) { ($0 - 1e-4) / (0.1 - 1e-4) } > 0.3)
  }

  @Test func integersAreEquallyLikely() {
    // 9 degrees of freedom: the 0.1% critical value is 27.88.
    let probabilities = Dictionary(uniqueKeysWithValues: (0...9).map { ($0, 0.1) })
    #expect(Self.chiSquare(Self.draws.map { $0["i"]! }, probabilities: probabilities) < 27.88)
    let options = Dictionary(uniqueKeysWithValues: (0...2).map { ($0, 1.0 / 3) })
    #expect(Self.chiSquare(Self.draws.map { $0["opt"]! }, probabilities: options) < 13.82)
  }

  @Test func logIntegersFollowTheLogarithmOfTheirCells() {
    // k takes the mass of [k - 0.5, k + 0.5] in the logarithm; 99 degrees of freedom: 0.1% at 148.2.
    let total = log(100.5) - log(0.5)
    let probabilities = Dictionary(uniqueKeysWithValues: (1...100).map { ($0, (log(Double($0) + 0.5) - log(Double($0) - 0.5)) / total) })
    let xs = Self.draws.map { $0["w"]! }
    #expect(Self.chiSquare(xs, probabilities: probabilities) < 148.2)
    let uniform = Dictionary(uniqueKeysWithValues: (1...100).map { ($0, 0.01) })
    #expect(Self.chiSquare(xs, probabilities: uniform) > 1000)
  }
}
