/// A series drawn as a polyline; non-finite points (and non-positive ones on a log axis)
/// break it, and a point alone between breaks is drawn as a dot.
public struct Line: Sendable, Equatable {
  public var name: String
  public var points: [ChartPoint]
  /// Index into `Palette`.
  public var colour: Int
  public var stroke: Stroke
  public init(name: String, points: [ChartPoint], colour: Int, stroke: Stroke = .solid) {
    self.name = name; self.points = points; self.colour = colour; self.stroke = stroke
  }
}
