/// A series drawn as a polyline (or as dots, `Shape.dots`); non-finite points (and non-positive
/// ones on a log axis) break it, and a point alone between breaks is drawn as a dot.
public struct Line: Sendable, Equatable {
  public var name: String
  public var points: [ChartPoint]
  /// Index into `Palette`.
  public var colour: Int
  public var stroke: Stroke
  public var shape: Shape

  /// How consecutive points are joined.
  public enum Shape: String, Sendable, Equatable {
    /// A straight segment.
    case straight
    /// A horizontal then a vertical segment: each stretch between two x values takes the y of
    /// its right-hand point, whichever order the points come in. The area under such a
    /// precision-recall line is the average precision (scikit-learn draws it so too).
    case rightSteps
    /// A horizontal then a vertical segment the other way round: each stretch takes the y of
    /// its left-hand point, which holds until the next point (a best value so far).
    case leftSteps
    /// Not joined: every point a dot (the values of trials, one by one).
    case dots
  }

  public init(name: String, points: [ChartPoint], colour: Int, stroke: Stroke = .solid, shape: Shape = .straight) {
    self.name = name; self.points = points; self.colour = colour; self.stroke = stroke; self.shape = shape
  }

  /// The points to join with straight segments for `shape`.
  public static func corners(_ points: [ChartPoint], shape: Shape) -> [ChartPoint] {
    guard shape == .rightSteps || shape == .leftSteps, var previous = points.first else { return points }
    var out = [previous]
    for p in points.dropFirst() {
      let horizontalFirst = (p.x < previous.x) == (shape == .rightSteps)
      let corner = horizontalFirst ? ChartPoint(p.x, previous.y) : ChartPoint(previous.x, p.y)
      if corner != previous && corner != p { out.append(corner) }
      out.append(p)
      previous = p
    }
    return out
  }
}
