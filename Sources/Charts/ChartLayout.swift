/// The drawing's size (the SVG `viewBox`) and where the plot area sits in it; the legend is
/// right of the plot area.
public struct ChartLayout: Sendable, Equatable {
  public var width: Double
  public var height: Double
  public var plotLeft: Double
  public var plotTop: Double
  public var plotWidth: Double
  public var plotHeight: Double

  public init(width: Double, height: Double, plotLeft: Double, plotTop: Double, plotWidth: Double, plotHeight: Double) {
    self.width = width; self.height = height
    self.plotLeft = plotLeft; self.plotTop = plotTop; self.plotWidth = plotWidth; self.plotHeight = plotHeight
  }

  /// 800 x 400, for series over steps.
  public static let wide = ChartLayout(width: 800, height: 400, plotLeft: 72, plotTop: 40, plotWidth: 448, plotHeight: 300)
  /// 660 x 400 with a square plot area, for curves in the unit square.
  public static let square = ChartLayout(width: 660, height: 400, plotLeft: 72, plotTop: 40, plotWidth: 300, plotHeight: 300)
  /// 600 x 380 with a colour bar right of the plot area, for slice charts two to a row.
  public static let slice = ChartLayout(width: 600, height: 380, plotLeft: 64, plotTop: 40, plotWidth: 380, plotHeight: 280)
  /// 800 x 384 for parallel coordinates: room for axis titles under the plot area and a colour
  /// bar right of it.
  public static let parallel = ChartLayout(width: 800, height: 384, plotLeft: 64, plotTop: 48, plotWidth: 576, plotHeight: 300)

  public var plotRight: Double { plotLeft + plotWidth }
  public var plotBottom: Double { plotTop + plotHeight }

  /// How many characters of a legend entry fit right of the plot area (at about 7 units a
  /// character); longer entries are cut, their full name kept as the entry's tooltip.
  public var legendCharacters: Int { max(8, Int((width - plotRight - 18 - 30 - 4) / 7)) }
}
