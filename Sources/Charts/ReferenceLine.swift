/// A grey dashed segment between two data points, such as the ROC diagonal.
public struct ReferenceLine: Sendable, Equatable {
  public var from: ChartPoint
  public var to: ChartPoint
  public init(from: ChartPoint, to: ChartPoint) { self.from = from; self.to = to }
}
