import Foundation
import Testing
@testable import Sweeps

/// The TPE sampler's split and Parzen estimators against Optuna's on the same history.
@Suite struct TPEOracleTests {
  static let options: [SweepValue] = [.string("adam"), .string("sgd"), .string("rmsprop")]
  static let parameters: [SweepParameter] = [
    SweepParameter(key: "x", distribution: .uniform(low: -5, high: 10, step: nil)),
    SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 1e-1)),
    SweepParameter(key: "n", distribution: .integer(low: 1, high: 8, step: 1, log: false)),
    SweepParameter(key: "w", distribution: .integer(low: 8, high: 1024, step: 1, log: true)),
    SweepParameter(key: "d", distribution: .uniform(low: 0, high: 0.5, step: 0.1)),
    SweepParameter(key: "opt", distribution: .choice(options)),
    SweepParameter(key: "mom", distribution: .uniform(low: 0, high: 0.99, step: nil),
                   condition: .init(key: "opt", values: [.string("sgd")])),
  ]

  /// x, lr, n, w, d, option index, momentum (sgd only), state, value, intermediate values.
  static let rows: [(Double, Double, Double, Double, Double, Double, Double?, TrialState, Double?, [Int: Double])] = [
    (1.5, 0.003, 3, 64, 0.2, 0, nil, .complete, 4.2, [:]),
    (-2.0, 0.05, 7, 512, 0.0, 1, 0.9, .complete, 9.1, [:]),
    (7.25, 0.0002, 1, 9, 0.5, 2, nil, .complete, 2.7, [:]),
    (3.0, 0.01, 5, 200, 0.3, 1, 0.1, .pruned, nil, [0: 8.0, 1: 7.5]),
    (0.1, 0.0009, 2, 30, 0.1, 0, nil, .complete, 1.3, [:]),
    (9.9, 0.09, 8, 1000, 0.4, 1, 0.5, .complete, 6.6, [:]),
    (-4.5, 0.0001, 4, 16, 0.2, 2, nil, .failed, nil, [:]),
    (2.2, 0.004, 6, 128, 0.1, 0, nil, .complete, 0.8, [:]),
    (5.5, 0.02, 3, 300, 0.0, 1, 0.95, .pruned, nil, [0: 5.0]),
    (-1.0, 0.0005, 2, 40, 0.3, 0, nil, .complete, 3.3, [:]),
    (4.4, 0.007, 5, 90, 0.2, 2, nil, .complete, 2.9, [:]),
    (6.1, 0.03, 7, 700, 0.5, 1, 0.3, .complete, 5.2, [:]),
    (0.7, 0.0015, 1, 12, 0.4, 0, nil, .running, nil, [:]),
    (8.0, 0.06, 4, 256, 0.1, 1, 0.7, .pruned, nil, [0: 6.0, 1: 4.0, 2: 3.9]),
    (-3.3, 0.0003, 6, 20, 0.0, 2, nil, .complete, 7.7, [:]),
    (1.1, 0.002, 3, 50, 0.3, 0, nil, .complete, 0.9, [:]),
    (2.9, 0.012, 2, 150, 0.2, 1, 0.6, .complete, 1.8, [:]),
    (-0.5, 0.0007, 8, 70, 0.1, 0, nil, .complete, 2.1, [:]),
    (3.7, 0.008, 5, 400, 0.4, 1, 0.8, .complete, 4.9, [:]),
    (0.3, 0.001, 4, 33, 0.2, 2, nil, .complete, 1.1, [:]),
    (5.0, 0.04, 6, 600, 0.0, 1, 0.2, .complete, 3.6, [:]),
  ]

  static var trials: [TrialRecord] {
    rows.enumerated().map { i, r in
      var params = ["x": r.0, "lr": r.1, "n": r.2, "w": r.3, "d": r.4, "opt": r.5]
      params["mom"] = r.6
      let value = r.7 == .pruned ? r.9[r.9.keys.max() ?? 0] : r.8
      return TrialRecord(number: i, state: r.7, params: params, value: value, intermediate: r.9)
    }
  }

  static func close(_ a: [Double], _ b: Any?, tolerance: Double = 1e-9) -> Bool {
    guard let b = b as? [Double], a.count == b.count else { return false }
    return zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
  }

  @Test(arguments: ["minimize", "maximize"])
  func splitAndEstimatorsMatchOptuna(direction: String) throws {
    let oracle = try #require(OptunaOracle.values[direction] as? [String: Any])
    let finished = Self.trials.filter(TPESampler.counts)
    #expect(finished.count == 19 && TPESampler.gamma(19) == 2)
    let (below, above) = TPESampler.split(finished, direction: Direction(rawValue: direction)!)
    #expect(below.map(\.number) == oracle["below"] as? [Int])
    #expect(above.map(\.number) == oracle["above"] as? [Int])

    let params = try #require(oracle["params"] as? [String: [String: [String: Any]]])
    for p in Self.parameters {
      for (side, group) in [("below", below), ("above", above)] {
        let want = try #require(params[p.key]?[side])
        let estimator = ParzenEstimator(observations: group.compactMap { $0.params[p.key] }, distribution: p.distribution)
        let where_ = "\(p.key) \(side) \(direction)"
        #expect(Self.close(estimator.weights, want["weights"]), "weights \(where_)")
        switch estimator.kernels {
        case .numbers(_, let mus, let sigmas):
          #expect(Self.close(mus, want["mus"]), "mus \(where_): \(mus)")
          // Kernels on equal values may swap bandwidths (Optuna's sort does not keep ties in
          // order), which changes nothing in the mixture: compare the (mean, bandwidth) pairs.
          let wantMus = try #require(want["mus"] as? [Double]), wantSigmas = try #require(want["sigmas"] as? [Double])
          let pairs = zip(mus, sigmas).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
          let wantPairs = zip(wantMus, wantSigmas).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
          #expect(Self.close(pairs.map(\.1), wantPairs.map(\.1)), "sigmas \(where_): \(sigmas)")
          #expect(Set(mus).count < mus.count || Self.close(sigmas, wantSigmas), "sigmas \(where_): \(sigmas)")
        case .options(let rows):
          let wantRows = try #require(want["rows"] as? [[Double]])
          #expect(rows.count == wantRows.count && zip(rows, wantRows).allSatisfy { Self.close($0, $1) }, "rows \(where_)")
        }
        let xs = try #require(want["x"] as? [Double])
        #expect(Self.close(xs.map(estimator.logDensity), want["logpdf"], tolerance: 1e-7), "log density \(where_)")
      }
    }
  }

  @Test func prunedTrialsRankByStepThenLastValue() throws {
    let pattern: [(Int, Double)] = [(3, 0.5), (5, 0.9), (5, 0.4), (2, 0.1), (5, 0.4), (4, 0.2), (1, 0.05), (5, .nan), (3, 0.3)]
    var trials = [TrialRecord(number: 0, state: .complete, params: ["x": 1], value: 2)]
    for k in 0..<20 {
      let (last, v) = pattern[k % pattern.count]
      var values = Dictionary(uniqueKeysWithValues: (0...last).map { ($0, v + 0.01 * Double(last - $0)) })
      values[last] = v
      trials.append(TrialRecord(number: k + 1, state: .pruned, params: ["x": Double(k) / 4], value: v, intermediate: values))
    }
    trials.append(TrialRecord(number: 21, state: .pruned, params: ["x": 0]))
    let oracle = try #require(OptunaOracle.values["pruned_split"] as? [String: [Int]])
    let (below, above) = TPESampler.split(trials, direction: .minimize)
    #expect(below.map(\.number) == oracle["below"])
    #expect(above.map(\.number) == oracle["above"])
  }

  @Test func olderObservationsWeighLessPast25() {
    #expect(Self.close(ParzenEstimator.observationWeights(30), OptunaOracle.values["weights30"]))
    #expect(ParzenEstimator.observationWeights(26).first == 1.0 / 26)
    #expect(ParzenEstimator.observationWeights(24) == Array(repeating: 1, count: 24))
  }
}
