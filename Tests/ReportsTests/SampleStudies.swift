import Foundation
@testable import Reports

/// Fixed studies of a made-up experiment: a small one (eight trials, every state, a
/// conditional parameter) whose page is stored as a fixture, and a larger one for a look in a
/// browser.
enum SampleStudies {
  static let parameters = [
    ReportParameter(name: "lr", kind: .log(low: 1e-4, high: 0.1, integer: false), text: "loguniform(0.0001, 0.1)"),
    ReportParameter(name: "hidden", kind: .categorical(["128", "256", "512"]), text: "choice(128, 256, 512)"),
    ReportParameter(name: "dropout", kind: .numeric(low: 0, high: 0.5, integer: false)),
    ReportParameter(name: "optimizer", kind: .categorical(["\"adam\"", "\"sgd\""])),
    ReportParameter(name: "momentum", kind: .numeric(low: 0, high: 0.99, integer: false), text: "uniform(0.0, 0.99) if optimizer=\"sgd\""),
    ReportParameter(name: "layers", kind: .numeric(low: 1, high: 4, integer: true)),
  ]

  static func small() -> ReportStudy {
    func trial(_ n: Int, _ state: ReportTrial.State, _ value: Double?, lr: Double, hidden: Double, dropout: Double, sgd: Double? = nil,
               layers: Double, step: Int?) -> ReportTrial {
      var params = ["lr": lr, "hidden": hidden, "dropout": dropout, "optimizer": sgd == nil ? 0 : 1, "layers": layers]
      if let sgd { params["momentum"] = sgd }
      return ReportTrial(number: n, state: state, value: value, params: params, step: step,
                         runID: state == .waiting ? nil : "20261207-2100\(n)0-a\(n)b\(n)")
    }
    return ReportStudy(name: "yeast-mlp-tpe", experiment: "yeast-mlp", objective: "val_f1_micro", direction: .maximize,
                       sampler: "tpe", pruner: "asha", parameters: parameters, trials: [
      trial(0, .complete, 0.5812, lr: 0.00031622776601683794, hidden: 0, dropout: 0.25, layers: 2, step: 40),
      trial(1, .complete, 0.6034, lr: 0.01, hidden: 2, dropout: 0.1, sgd: 0.9, layers: 3, step: 40),
      trial(2, .pruned, 0.41, lr: 0.08, hidden: 1, dropout: 0.45, layers: 1, step: 5),
      trial(3, .complete, 0.6217, lr: 0.0031622776601683794, hidden: 1, dropout: 0.2, layers: 2, step: 40),
      trial(4, .failed, nil, lr: 0.0002, hidden: 0, dropout: 0.05, sgd: 0.5, layers: 4, step: nil),
      trial(5, .complete, 0.6101, lr: 0.002, hidden: 2, dropout: 0.3, layers: 2, step: 40),
      trial(6, .running, 0.55, lr: 0.004, hidden: 1, dropout: 0.22, layers: 2, step: 12),
      trial(7, .waiting, nil, lr: 0.0025, hidden: 1, dropout: 0.18, layers: 3, step: nil),
    ])
  }

  /// Sixty trials from a fixed formula: a ridge around lr = 0.003, better with more units and
  /// less dropout; every fifth pruned, trial 13 failed.
  static func large() -> ReportStudy {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var trials: [ReportTrial] = []
    for n in 0..<60 {
      let lr = pow(10, -4 + 3 * uniform()), hidden = Double(Int(uniform() * 3)), dropout = 0.5 * uniform()
      let sgd = uniform() < 0.4, layers = Double(1 + Int(uniform() * 4))
      var params = ["lr": lr, "hidden": hidden, "dropout": dropout, "optimizer": sgd ? 1 : 0, "layers": layers]
      if sgd { params["momentum"] = 0.99 * uniform() }
      let ridge = -0.08 * pow(log10(lr) + 2.5, 2)
      let value = 0.62 + ridge + 0.015 * hidden - 0.12 * dropout - 0.01 * abs(layers - 2) + 0.02 * (uniform() - 0.5)
      let pruned = n % 5 == 4, failed = n == 13
      trials.append(ReportTrial(number: n, state: failed ? .failed : pruned ? .pruned : .complete, value: failed ? nil : pruned ? value - 0.1 : value,
                                params: params, step: failed ? nil : pruned ? 5 : 40, runID: "20261207-21\(10 + n)00-" + String(n * 2654435761 % 65536 + 65536, radix: 16).suffix(4)))
    }
    return ReportStudy(name: "yeast-mlp-tpe", experiment: "yeast-mlp", objective: "val_f1_micro", direction: .maximize,
                       sampler: "tpe", pruner: "asha", parameters: parameters, trials: trials)
  }
}
