import ArgumentParser
import Foundation
import Sweeps

/// The samplers on standard test functions, computed natively (no store, no script): the median
/// best value over seeds, and what choosing a trial's parameters costs.
struct SweepBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a sampler on Branin or Hartmann-6: median best value over seeds, time per sample; one line per measurement.",
    discussion: """
      Each seed runs --trials trials one after another (each sees every earlier one, as one worker \
      does). Prints the median, best and worst of the seeds' best values and the mean time to choose \
      a trial's parameters. With --cost-trials N, also runs one study of N trials and prints the mean \
      time per sample over its last 100 trials (the cost at a history of N).
      """
  )

  @Option(help: "branin (2 parameters, minimum 0.397887) or hartmann6 (6 parameters, minimum -3.32237).") var objective: String = "branin"
  @Option(help: "tpe, random or grid.") var sampler: String = "tpe"
  @Option(help: "Seeds (studies) to run.") var seeds: Int = 20
  @Option(help: "Trials per study.") var trials: Int = 50
  @Option(help: "Trials of the study that measures the cost per sample (0: skip).") var costTrials: Int = 0
  @Flag(help: "With tpe: choose the parameters together (multivariate) rather than each on its own.") var multivariate = false

  func validate() throws {
    guard SweepObjective(rawValue: objective) != nil else {
      throw ValidationError("--objective expects branin or hartmann6, got '\(objective)'")
    }
    _ = try Samplers.named(sampler, seed: 0)
    guard seeds >= 1, trials >= 1, costTrials >= 0 else { throw ValidationError("--seeds and --trials must be at least 1") }
  }

  /// One study: the best value and the seconds spent sampling each trial.
  func study(_ f: SweepObjective, seed: UInt64, trials count: Int) throws -> (best: Double, seconds: [Double]) {
    let s: Sampler = sampler == "tpe" ? TPESampler(seed: seed, multivariate: multivariate) : try Samplers.named(sampler, seed: seed)
    let space = f.space
    var history: [TrialRecord] = []
    var seconds: [Double] = []
    history.reserveCapacity(count)
    for n in 0..<count {
      let t0 = DispatchTime.now().uptimeNanoseconds
      let p = try s.sample(space: space, trials: history, number: n)
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
      history.append(TrialRecord(number: n, state: .complete, params: p, value: f.value(p)))
    }
    return (history.compactMap(\.value).min()!, seconds)
  }

  func run() throws {
    let f = SweepObjective(rawValue: objective)!
    var bests: [Double] = []
    var seconds: [Double] = []
    for seed in 0..<seeds {
      let r = try study(f, seed: UInt64(seed), trials: trials)
      bests.append(r.best)
      seconds += r.seconds
    }
    bests.sort()
    let median = bests.count % 2 == 1 ? bests[bests.count / 2] : (bests[bests.count / 2 - 1] + bests[bests.count / 2]) / 2
    let ms = seconds.reduce(0, +) / Double(seconds.count) * 1000
    print("sweep objective=\(objective) sampler=\(sampler)\(multivariate ? " multivariate" : "") seeds=\(seeds) trials=\(trials) median_best=\(String(format: "%.6f", median)) best=\(String(format: "%.6f", bests.first!)) worst=\(String(format: "%.6f", bests.last!)) ms_per_sample=\(String(format: "%.3f", ms))")
    if costTrials > 0 {
      let r = try study(f, seed: 0, trials: costTrials)
      let tail = r.seconds.suffix(100)
      let all = r.seconds.reduce(0, +) / Double(r.seconds.count)
      print("sweep-cost objective=\(objective) sampler=\(sampler)\(multivariate ? " multivariate" : "") trials=\(costTrials) ms_per_sample_last100=\(String(format: "%.3f", tail.reduce(0, +) / Double(tail.count) * 1000)) ms_per_sample_mean=\(String(format: "%.3f", all * 1000))")
    }
  }
}

/// The test functions, to minimise.
enum SweepObjective: String {
  case branin, hartmann6

  var space: SearchSpace {
    switch self {
    case .branin:
      return SearchSpace(parameters: [
        SweepParameter(key: "x1", distribution: .uniform(low: -5, high: 10, step: nil)),
        SweepParameter(key: "x2", distribution: .uniform(low: 0, high: 15, step: nil)),
      ], objective: "value", direction: .minimize)
    case .hartmann6:
      return SearchSpace(parameters: (1...6).map { SweepParameter(key: "x\($0)", distribution: .uniform(low: 0, high: 1, step: nil)) },
                         objective: "value", direction: .minimize)
    }
  }

  static let alpha = [1.0, 1.2, 3.0, 3.2]
  static let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
  static let p: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]].map { $0.map { $0 * 1e-4 } }

  func value(_ params: [String: Double]) -> Double {
    switch self {
    case .branin:
      let x1 = params["x1"]!, x2 = params["x2"]!
      let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
      let q = x2 - b * x1 * x1 + c * x1 - 6
      return q * q + 10 * (1 - t) * cos(x1) + 10
    case .hartmann6:
      let x = (1...6).map { params["x\($0)"]! }
      var sum = 0.0
      for i in 0..<4 {
        var inner = 0.0
        for j in 0..<6 { inner += SweepObjective.a[i][j] * (x[j] - SweepObjective.p[i][j]) * (x[j] - SweepObjective.p[i][j]) }
        sum += SweepObjective.alpha[i] * exp(-inner)
      }
      return -sum
    }
  }
}
