/// A parallel-coordinates chart: one vertical axis per dimension (the parameters of a search,
/// then the objective), and one line per item (a trial) through its value on each axis. Lines
/// are coloured by a value (the objective) on a `ColourScale` shown as a bar at the right; faint
/// items are drawn thin and grey under the others, the highlighted ones wide on top. A value an
/// axis cannot place (missing, not finite, not positive on a log axis) breaks the item's line.
public struct ParallelCoordinatesChart: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable { case coloured, faint, highlighted }
    /// Its tooltip (`trial 7`).
    public var name: String
    /// One value per dimension, in the dimensions' order; a category as its index.
    public var values: [Double]
    /// Its value on the colour scale (ignored when faint).
    public var colourValue: Double
    public var style: Style
    public init(name: String, values: [Double], colourValue: Double, style: Style = .coloured) {
      self.name = name; self.values = values; self.colourValue = colourValue; self.style = style
    }
  }

  public var title: String
  public var dimensions: [Dimension]
  public var items: [Item]
  /// What the colours stand for (the colour bar's title).
  public var colourTitle: String
  /// The legend entries of the faint and the highlighted lines (`pruned`, `best: trial 7`).
  public var faintName: String
  public var highlightedName: String
  public var layout: ChartLayout

  public init(title: String, dimensions: [Dimension], items: [Item], colourTitle: String,
              faintName: String = "faint", highlightedName: String = "highlighted", layout: ChartLayout = .parallel) {
    self.title = title; self.dimensions = dimensions; self.items = items; self.colourTitle = colourTitle
    self.faintName = faintName; self.highlightedName = highlightedName; self.layout = layout
  }

  /// The x coordinate of each axis: evenly spread over the plot area's width (one axis in its middle).
  public func axisPositions() -> [Double] {
    let l = layout, n = dimensions.count
    guard n > 1 else { return n == 1 ? [l.plotLeft + l.plotWidth / 2] : [] }
    return (0..<n).map { l.plotLeft + l.plotWidth * Double($0) / Double(n - 1) }
  }

  /// Each axis laid from the plot area's bottom to its top, over every item's values.
  public func scales() -> [DimensionScale] {
    dimensions.enumerated().map { i, d in
      let values = items.compactMap { $0.values.indices.contains(i) ? $0.values[i] : nil }
      return DimensionScale(d, values: values, start: layout.plotBottom, end: layout.plotTop, labelCharacters: labelCharacters)
    }
  }

  /// The colour scale over the values of the items not drawn faint.
  public func colourScale() -> ColourScale {
    ColourScale(values: items.filter { $0.style != .faint }.map(\.colourValue))
  }

  /// The characters an axis title or category name may take: about the gap between two axes.
  var labelCharacters: Int {
    let n = max(dimensions.count - 1, 1)
    return max(4, Int(layout.plotWidth / Double(n) / 7) - 1)
  }
}
