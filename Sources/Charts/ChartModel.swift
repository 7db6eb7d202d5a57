/// A point of a line.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// A point of a band: the mean and the spread (drawn from mean - spread to mean + spread).
public struct BandPoint: Sendable, Equatable {
  public var x: Double
  public var mean: Double
  public var spread: Double
  public init(x: Double, mean: Double, spread: Double) { self.x = x; self.mean = mean; self.spread = spread }
}

/// How a line is stroked: training series solid, validation dashed.
public enum Stroke: String, Sendable, Equatable {
  case solid, dashed, dotted

  var dashArray: String? {
    switch self {
    case .solid: nil
    case .dashed: "7 4"
    case .dotted: "2 3"
    }
  }
}

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

/// What a chart draws, in order (later marks on top; every area is drawn under every line).
public enum Mark: Sendable, Equatable {
  case line(Line)
  case band(Band)

  public var name: String {
    switch self {
    case .line(let l): l.name
    case .band(let b): b.name
    }
  }
}

/// A grey dashed segment between two data points, such as the ROC diagonal.
public struct ReferenceLine: Sendable, Equatable {
  public var from: ChartPoint
  public var to: ChartPoint
  public init(from: ChartPoint, to: ChartPoint) { self.from = from; self.to = to }
}

/// An axis: its title, its scale, and optionally a fixed domain (else the data's, rounded out
/// to ticks). `integer` keeps tick steps whole.
public struct Axis: Sendable, Equatable {
  public var title: String
  public var scale: ScaleKind
  public var domain: ClosedRange<Double>?
  public var integer: Bool
  public init(title: String, scale: ScaleKind = .linear, domain: ClosedRange<Double>? = nil, integer: Bool = false) {
    self.title = title; self.scale = scale; self.domain = domain; self.integer = integer
  }
}

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

  public var plotRight: Double { plotLeft + plotWidth }
  public var plotBottom: Double { plotTop + plotHeight }

  /// How many characters of a legend entry fit right of the plot area (at about 7 units a
  /// character); longer entries are cut, their full name kept as the entry's tooltip.
  public var legendCharacters: Int { max(8, Int((width - plotRight - 18 - 30 - 4) / 7)) }
}
