/// Points over two axes, each coloured by a value on a `ColourScale` shown as a bar at the
/// right (a slice plot: a parameter's value on x, the objective on y, coloured by trial
/// number). The x axis may be numeric, log or categorical; points it or the y axis cannot place
/// are left out. Highlighted points are drawn last, ringed.
public struct ScatterChart: Sendable, Equatable {
  public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var colourValue: Double
    /// Its tooltip (`trial 7`).
    public var name: String
    public var highlighted: Bool
    public init(x: Double, y: Double, colourValue: Double, name: String, highlighted: Bool = false) {
      self.x = x; self.y = y; self.colourValue = colourValue; self.name = name; self.highlighted = highlighted
    }
  }

  public var title: String
  public var xAxis: Dimension
  public var yAxis: Dimension
  public var points: [Point]
  /// What the colours stand for (the colour bar's title).
  public var colourTitle: String
  /// The legend entry of highlighted points (`best: trial 7`).
  public var highlightedName: String
  public var layout: ChartLayout

  public init(title: String, xAxis: Dimension, yAxis: Dimension, points: [Point], colourTitle: String,
              highlightedName: String = "highlighted", layout: ChartLayout = .wide) {
    self.title = title; self.xAxis = xAxis; self.yAxis = yAxis; self.points = points; self.colourTitle = colourTitle
    self.highlightedName = highlightedName; self.layout = layout
  }

  /// The points both axes can place.
  public var placeable: [Point] { points.filter { xAxis.canPlace($0.x) && yAxis.canPlace($0.y) } }

  /// The axes over the placeable points.
  public func scales() -> (x: DimensionScale, y: DimensionScale) {
    let shown = placeable, l = layout
    return (DimensionScale(xAxis, values: shown.map(\.x), start: l.plotLeft, end: l.plotRight, labelCharacters: xLabelCharacters),
            DimensionScale(yAxis, values: shown.map(\.y), start: l.plotBottom, end: l.plotTop, labelCharacters: 9))
  }

  /// The colour scale over the placeable points.
  public func colourScale() -> ColourScale { ColourScale(values: placeable.map(\.colourValue)) }

  /// The characters a category name under the x axis may take: about the gap between two.
  var xLabelCharacters: Int {
    guard case .categories(let names) = xAxis.kind, !names.isEmpty else { return 12 }
    return max(3, Int(layout.plotWidth / Double(names.count) / 7))
  }
}
