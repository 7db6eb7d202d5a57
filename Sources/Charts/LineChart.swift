/// A chart of lines and bands over two axes, with a title and a legend, rendered to SVG.
/// The same chart always renders to the same bytes.
public struct LineChart: Sendable, Equatable {
  public var title: String
  public var xAxis: Axis
  public var yAxis: Axis
  public var marks: [Mark]
  public var references: [ReferenceLine]
  public var layout: ChartLayout

  public init(title: String, xAxis: Axis, yAxis: Axis, marks: [Mark] = [], references: [ReferenceLine] = [],
              layout: ChartLayout = .wide) {
    self.title = title; self.xAxis = xAxis; self.yAxis = yAxis
    self.marks = marks; self.references = references; self.layout = layout
  }

  /// The x values of every mark's points that the x axis can place.
  func xValues() -> [Double] {
    marks.flatMap { mark -> [Double] in
      switch mark {
      case .line(let l): l.points.filter { canPlace(x: $0.x, y: $0.y) }.map(\.x)
      case .band(let b): b.points.filter { canPlace(x: $0.x, y: $0.mean) }.map(\.x)
      }
    }
  }

  /// The y values the y axis must show: every placeable point, and a band's edges.
  func yValues() -> [Double] {
    let y = yAxis.scale
    return marks.flatMap { mark -> [Double] in
      switch mark {
      case .line(let l): return l.points.filter { canPlace(x: $0.x, y: $0.y) }.map(\.y)
      case .band(let b):
        return b.points.filter { canPlace(x: $0.x, y: $0.mean) }.flatMap { p -> [Double] in
          let spread = p.spread.isFinite ? abs(p.spread) : 0
          let edges = [p.mean - spread, p.mean, p.mean + spread]
          return edges.filter { $0.isFinite && (y == .linear || $0 > 0) }
        }
      }
    }
  }

  func canPlace(x: Double, y: Double) -> Bool {
    x.isFinite && y.isFinite && (xAxis.scale == .linear || x > 0) && (yAxis.scale == .linear || y > 0)
  }

  /// The ticks of an axis for the values it must show.
  static func ticks(_ axis: Axis, values: [Double]) -> Ticks {
    if let domain = axis.domain {
      let t = axis.scale == .log ? Ticks.log(domain.lowerBound, domain.upperBound)
        : Ticks.linear(domain.lowerBound, domain.upperBound, target: 5, integer: axis.integer)
      let values = t.values.filter { $0 >= domain.lowerBound - 1e-12 && $0 <= domain.upperBound + 1e-12 }
      return Ticks(lower: domain.lowerBound, upper: domain.upperBound, values: values, step: t.step)
    }
    guard let lo = values.min(), let hi = values.max() else {
      return axis.scale == .log ? Ticks.log(1, 10) : Ticks.linear(0, 1, integer: axis.integer)
    }
    return axis.scale == .log ? Ticks.log(lo, hi) : Ticks.linear(lo, hi, target: 5, integer: axis.integer)
  }

  /// The scales the chart draws with.
  public func scales() -> (x: Scale, y: Scale, xTicks: Ticks, yTicks: Ticks) {
    let xt = Self.ticks(xAxis, values: xValues()), yt = Self.ticks(yAxis, values: yValues())
    let x = Scale(kind: xAxis.scale, lower: xt.lower, upper: xt.upper, start: layout.plotLeft, end: layout.plotRight)
    let y = Scale(kind: yAxis.scale, lower: yt.lower, upper: yt.upper, start: layout.plotBottom, end: layout.plotTop)
    return (x, y, xt, yt)
  }
}
