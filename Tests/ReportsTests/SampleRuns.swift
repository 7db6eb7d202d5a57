import Charts
import Foundation
@testable import Reports

/// Fixed runs of a made-up experiment: three seeds at lr=0.01 (one stopped early) and one run at
/// lr=0.1, with loss and F1 per epoch, ROC and PR curves, and a per-label table.
enum SampleRuns {
  static func run(id: String, seed: UInt64, lr: Double, epochs: Int, withCurves: Bool) throws -> ReportRun {
    let wobble = { (epoch: Int, phase: Double) in 0.012 * sin(Double(seed) * 1.7 + Double(epoch) * phase) }
    let rate = lr == 0.1 ? 3.0 : 6.0
    func series(_ name: String, _ f: (Double) -> Double) -> ReportSeries {
      ReportSeries(name: name, points: (1...epochs).map { ReportPoint(step: $0, value: f(Double($0))) })
    }
    let loss = series("loss") { 0.65 * exp(-$0 / rate) + 0.08 + wobble(Int($0), 0.9) }
    let valLoss = series("val_loss") { 0.6 * exp(-$0 / rate) + 0.16 + 0.004 * $0 + wobble(Int($0), 1.3) }
    let f1 = series("f1_micro") { 0.78 - 0.5 * exp(-$0 / rate) + wobble(Int($0), 0.7) }
    let valF1 = series("val_f1_micro") { 0.7 - 0.45 * exp(-$0 / rate) + wobble(Int($0), 1.1) }
    var curves: [ReportCurve] = []
    if withCurves {
      let k = lr == 0.1 ? 4.0 : 3.0
      let grid = (0...20).map { Double($0) / 20 }
      curves.append(try ReportCurve(name: "micro", kind: .roc, x: grid, y: grid.map { pow($0, 1 / k) }, area: k / (k + 1)))
      let precision = grid.map { 1 - 0.45 * pow($0, k / 2) }
      curves.append(try ReportCurve(name: "micro", kind: .precisionRecall, x: grid, y: precision,
                                    area: precision.dropFirst().map { $0 / 20 }.reduce(0, +)))   // each recall step at its right-hand precision
    }
    let table = try ReportTable(columns: ["precision", "recall", "f1", "support"], rows: [
      .init(label: "sports", values: [0.81, 0.74, 0.7735, 120]),
      .init(label: "politics", values: [0.69, 0.77, 0.7278, 96]),
      .init(label: "<science & tech>", values: [0.58, 0.41, 0.4804, 41]),
    ])
    return ReportRun(id: id, experiment: "multilabel-mlp", seed: seed,
                     config: [ReportField("dataset", "synthetic"), ReportField("mlp.lr", "\(lr)"), ReportField("mlp.units", "{64}"),
                              ReportField("seed", "\(seed)")],
                     status: "COMPLETED",
                     result: [ReportField("f1_micro", NumberText.fixed(valF1.points.last!.value, decimals: 3))],
                     series: [loss, f1, valLoss, valF1], curves: curves, table: withCurves ? table : nil)
  }

  static func all() throws -> [ReportRun] {
    [try run(id: "20261207-101500-a1b2", seed: 1, lr: 0.01, epochs: 20, withCurves: true),
     try run(id: "20261207-101730-c3d4", seed: 2, lr: 0.01, epochs: 20, withCurves: false),
     try run(id: "20261207-102004-e5f6", seed: 3, lr: 0.01, epochs: 15, withCurves: false),
     try run(id: "20261207-102311-0789", seed: 1, lr: 0.1, epochs: 20, withCurves: true)]
  }
}
