import Foundation
import Reports
import RunStore

extension ReportRun {
  /// What a report shows of recorded run `id`: its config and result flattened to dotted keys
  /// with their values as text, its seed and status, every series with all its points (in the
  /// order first logged), and its logged curves as ROC and precision-recall curves and a
  /// per-label table (the last logged one, when several curves carry one).
  init(recorded record: RunRecord, store: RunStore) throws {
    let flat = { (json: String?) in FlatJSON.flatten(json).map { ReportField($0.key.isEmpty ? "value" : $0.key, $0.value.text) } }
    var series: [ReportSeries] = []
    for summary in try store.seriesSummaries(run: record.id) {
      let points = try store.series(run: record.id, key: summary.key).map { ReportPoint(step: $0.step, value: $0.value) }
      series.append(ReportSeries(name: summary.key, points: points))
    }
    var curves: [ReportCurve] = []
    var table: ReportTable?
    for (name, json) in try store.curves(run: record.id) {
      let logged = try LoggedCurve.read(name: name, json: json)
      curves += logged.curves
      if let t = logged.table { table = t }
    }
    self.init(id: record.id, experiment: record.experiment, seed: record.seed, config: flat(record.configJSON),
              status: record.status.rawValue, result: flat(record.resultJSON), series: series, curves: curves, table: table)
  }
}
