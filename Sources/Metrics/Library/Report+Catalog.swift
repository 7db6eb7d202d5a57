import Catalog

/// A metrics report held by scripts: every metric as a read-only field, `per_label`, a
/// table when printed, and `to_table()`.
public final class Report: CatalogObject {
  public static let typeName = "Report"
  public let report: MetricsReport

  public init(_ report: MetricsReport) { self.report = report }

  static let metricNames: [String] = TrainingMetrics.names

  public static var properties: [Property] {
    metricNames.map { Property($0, .number, fieldDoc($0)) } + [
      Property("per_label", .list(.record), "one table per label: name, support, precision, recall, f1, roc_auc, average_precision"),
      Property("confusion", .list(.list(.list(.integer))), "per label {{tn, fp}, {fn, tp}}"),
      Property("thresholds", .list(.number), "the threshold of each label"),
      Property("n_rows", .integer, "rows evaluated"),
      Property("n_labels", .integer, "labels evaluated"),
    ]
  }

  /// "f1_micro" → "F1, micro average (at the report's thresholds)".
  static func fieldDoc(_ name: String) -> String {
    let families: [(String, String, Bool)] = [
      ("roc_auc", "ROC AUC", false), ("average_precision", "average precision", false),
      ("precision", "precision", true), ("recall", "recall", true), ("f1", "F1", true), ("jaccard", "Jaccard index", true),
    ]
    for (prefix, title, thresholded) in families {
      for a in ["micro", "macro", "weighted", "samples"] where name == "\(prefix)_\(a)" {
        return "\(title), \(a) average" + (thresholded ? " (predictions at the report's thresholds)" : " (NaN where scikit-learn gives NaN)")
      }
    }
    if let r = RankingMetric(rawValue: name) { return r.meaning }
    switch name {
    case "hamming_loss": return "fraction of cells predicted wrongly"
    case "subset_accuracy": return "fraction of rows predicted exactly"
    case "binary_accuracy": return "fraction of cells predicted rightly"
    case "binary_crossentropy": return "mean binary cross-entropy over every cell"
    default: return name.replacingOccurrences(of: "_", with: " ")
    }
  }

  public func property(_ name: String) -> Value? {
    switch name {
    case "per_label":
      return .list(report.perLabel.map { l in
        .table([("name", .string(l.name)), ("support", .integer(l.support)), ("precision", .number(l.precision)),
                ("recall", .number(l.recall)), ("f1", .number(l.f1)), ("roc_auc", .number(l.rocAuc)),
                ("average_precision", .number(l.averagePrecision))])
      })
    case "confusion":
      return .list(report.confusion.map { m in .list(m.map { r in .list(r.map { .integer($0) }) }) })
    case "thresholds": return MetricsLibrary.numbers(report.thresholds)
    case "n_rows": return .integer(report.rows)
    case "n_labels": return .integer(report.labels)
    default: return report[name].map { .number($0) }
    }
  }

  /// Everything as plain data.
  var table: Value {
    .table(Report.properties.map { ($0.name, property($0.name) ?? .none) })
  }
}

extension MetricsLibrary {
  static var reportEntries: [Entry] {
    [
      entry("report", "Every metric at once: ranking and curve metrics on the scores, threshold metrics on s >= threshold, per label and averaged.",
            returns: [Returned(.object("Report"), "the report: print it, read its fields (r.f1_micro, r.per_label), or r:to_table()")]) { d in
        let ys = TruthAndScores(d)
        let threshold = d.option(thresholdOption, Value.self)
        let labelNames = d.option("label_names", [String].self, "a name per label (default label_1, label_2, ...)")
        return { a in
          let (y, s) = try ys.read(a)
          let names = try a[labelNames]
          if let names, names.count != y.labels {
            throw CatalogError("option 'label_names' has \(names.count) names for \(y.labels) labels")
          }
          let r = try MetricsReport(y, s, thresholds: try thresholds(try a[threshold], labels: y.labels), labelNames: names)
          return [.object(Report(r))]
        }
      },
      entry("to_table", "The report as plain Lua data: every field, per_label and the confusion matrices.",
            returns: [Returned(.record, "a table of the report's fields")], methodOf: "Report") { d in
        let r = d.object("r", Report.self, "a report")
        return { a in [try a[r].table] }
      },
      entry("report_tostring", "The report as a readable table (what print shows).",
            returns: [Returned(.string, "the table")], methodOf: "Report", metamethod: "__tostring") { d in
        let r = d.object("r", Report.self, "a report")
        return { a in [.string(try a[r].report.description)] }
      },
    ]
  }
}
