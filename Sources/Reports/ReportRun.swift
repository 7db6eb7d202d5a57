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
