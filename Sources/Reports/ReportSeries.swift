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
