import Catalog
import Metrics

extension Catalog {
  /// The catalog of everything built in: one line per library.
  public static func standard() -> Catalog {
    let c = Catalog.withTensors()
    c.registerType(Report.self, summary: "A metrics report: every metric as a field, per_label, printable as a table.")
    try! c.register(module: "metrics", summary: MetricsLibrary.summary, entries: MetricsLibrary.entries)
    return c
  }
}
