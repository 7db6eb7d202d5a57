/// A mean line with a translucent mean ± spread area around it.
public struct Band: Sendable, Equatable {
  public var name: String
  public var points: [BandPoint]
  public var colour: Int
  public var stroke: Stroke
  public init(name: String, points: [BandPoint], colour: Int, stroke: Stroke = .solid) {
    self.name = name; self.points = points; self.colour = colour; self.stroke = stroke
  }
}

/// A point of a band: the mean and the spread (drawn from mean - spread to mean + spread).
public struct BandPoint: Sendable, Equatable {
  public var x: Double
  public var mean: Double
  public var spread: Double
  public init(x: Double, mean: Double, spread: Double) { self.x = x; self.mean = mean; self.spread = spread }
}
