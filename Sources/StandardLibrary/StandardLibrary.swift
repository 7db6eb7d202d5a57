import Catalog
import Datasets
import Experiments
import CrescentMetrics
import NN

extension Catalog {
  /// The catalog of everything built in: one line per library.
  public static func standard() -> Catalog {
    let c = Catalog.withTensors()
    c.registerType(Report.self, summary: "A metrics report: every metric as a field, per_label, printable as a table.")
    try! c.register(module: "metrics", summary: MetricsLibrary.summary, entries: MetricsLibrary.entries)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    try! NNLibrary.register(into: c)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    c.registerType(Dataset.self, summary: "Examples with features x and labels y, row for row; split, fold and shuffle it.")
    c.registerType(Scaler.self, summary: "Column statistics fitted on train and applied to other data (data.StandardScaler, data.MinMaxScaler).")
    try! c.register(module: "data", summary: DataLibrary.summary, entries: DataLibrary.entries)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    c.registerType(Run.self, summary: "One run of an experiment, handed to ex:main: log scalars and curves, write artifacts, read its id, seed and config.")
    try! c.register(module: "experiment", summary: ExperimentLibrary.summary, entries: ExperimentLibrary.entries)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    c.registerType(SweepDistribution.self, summary: "The values one parameter of a sweep ranges over (sweep.uniform, sweep.loguniform, sweep.int, sweep.choice), for ex:sweep.")
    try! c.register(module: "sweep", summary: SweepLibrary.summary, entries: SweepLibrary.entries)  // cannot fail: built-in names are distinct (the catalog tests register them all)
    return c
  }
}
