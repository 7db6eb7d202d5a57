/// One `key  value` line of a run's config or result, as text.
public struct ReportField: Sendable, Equatable {
  public var key: String
  public var value: String
  public init(_ key: String, _ value: String) { self.key = key; self.value = value }
}

/// One logged scalar.
public struct ReportPoint: Sendable, Equatable {
  public var step: Int
  public var value: Double
  public init(step: Int, value: Double) { self.step = step; self.value = value }
}

/// A logged series: its name (`loss`, `val_f1_micro`, `fit2/loss`) and points in logged order.
public struct ReportSeries: Sendable, Equatable {
  public var name: String
  public var points: [ReportPoint]
  public init(name: String, points: [ReportPoint]) { self.name = name; self.points = points }
}

/// A logged ROC or precision-recall curve: x is the false positive rate or the recall, y the
/// true positive rate or the precision; `area` is the AUC or the average precision.
public struct ReportCurve: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable { case roc, precisionRecall }
  public var name: String
  public var kind: Kind
  public var x: [Double]
  public var y: [Double]
  public var area: Double?

  /// Refuses x and y of different lengths.
  public init(name: String, kind: Kind, x: [Double], y: [Double], area: Double? = nil) throws {
    guard x.count == y.count else {
      throw ReportError("curve '\(name)': x has \(x.count) values and y has \(y.count); expected as many of each")
    }
    self.name = name; self.kind = kind; self.x = x; self.y = y; self.area = area
  }
}

/// A per-label table: one row per label, one value per column.
public struct ReportTable: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public init(label: String, values: [Double]) { self.label = label; self.values = values }
  }
  public var columns: [String]
  public var rows: [Row]

  /// Refuses a row with more or fewer values than there are columns.
  public init(columns: [String], rows: [Row]) throws {
    for row in rows where row.values.count != columns.count {
      throw ReportError("per-label table: row '\(row.label)' has \(row.values.count) values for \(columns.count) columns")
    }
    self.columns = columns; self.rows = rows
  }
}

/// Everything a report shows of one run, as plain data.
public struct ReportRun: Sendable, Equatable {
  public var id: String
  public var experiment: String
  public var seed: UInt64?
  /// The final config, flattened (`mlp.lr`), values as text.
  public var config: [ReportField]
  public var status: String
  public var result: [ReportField]
  public var series: [ReportSeries]
  public var curves: [ReportCurve]
  public var table: ReportTable?

  public init(id: String, experiment: String, seed: UInt64? = nil, config: [ReportField] = [], status: String = "COMPLETED",
              result: [ReportField] = [], series: [ReportSeries] = [], curves: [ReportCurve] = [], table: ReportTable? = nil) {
    self.id = id; self.experiment = experiment; self.seed = seed; self.config = config; self.status = status
    self.result = result; self.series = series; self.curves = curves; self.table = table
  }
}
