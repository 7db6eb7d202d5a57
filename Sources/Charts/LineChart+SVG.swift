/// Rendering: one `<svg>` element with a `viewBox` (it scales to its container at a fixed
/// aspect), text in the system sans-serif font, every name escaped.
extension LineChart {
  /// The chart as SVG; `id` prefixes the element ids (the clip path), so that several charts
  /// can share one page: give each a different one.
  public func svg(id: String = "chart") -> String {
    let (x, y, xTicks, yTicks) = scales()
    let l = layout
    let ref = Markup.escape(id)
    var out = SVGText()
    out.line("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(c(l.width)) \(c(l.height))\" "
      + "width=\"\(c(l.width))\" height=\"\(c(l.height))\" role=\"img\" aria-labelledby=\"\(ref)-title\" "
      + "font-family=\"sans-serif\" font-size=\"12\" fill=\"\(Palette.ink)\">")
    out.line("<title id=\"\(ref)-title\">\(Markup.escape(title))</title>")
    out.line("<defs><clipPath id=\"\(ref)-plot\"><rect x=\"\(c(l.plotLeft))\" y=\"\(c(l.plotTop))\" width=\"\(c(l.plotWidth))\" height=\"\(c(l.plotHeight))\"/></clipPath></defs>")
    out.line("<rect class=\"plot-area\" x=\"\(c(l.plotLeft))\" y=\"\(c(l.plotTop))\" width=\"\(c(l.plotWidth))\" height=\"\(c(l.plotHeight))\" fill=\"\(Palette.plotBackground)\"/>")
    drawGrid(&out, x: x, y: y, xTicks: xTicks, yTicks: yTicks)
    drawAxes(&out, x: x, y: y, xTicks: xTicks, yTicks: yTicks)
    out.line("<g clip-path=\"url(#\(ref)-plot)\">")
    for r in references {
      if let x1 = x(r.from.x), let y1 = y(r.from.y), let x2 = x(r.to.x), let y2 = y(r.to.y) {
        out.line("<line class=\"reference\" x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(Palette.reference)\" stroke-width=\"1\" stroke-dasharray=\"4 4\"/>")
      }
    }
    for case .band(let band) in marks { drawArea(&out, band, x: x, y: y) }
    var drewAny = false
    for mark in marks {
      switch mark {
      case .line(let line):
        drewAny = drawLine(&out, line.points, name: line.name, colour: line.colour, stroke: line.stroke, shape: line.shape, x: x, y: y) || drewAny
      case .band(let band):
        let means = band.points.map { ChartPoint($0.x, $0.mean) }
        drewAny = drawLine(&out, means, name: band.name, colour: band.colour, stroke: band.stroke, shape: .straight, x: x, y: y) || drewAny
      }
    }
    out.line("</g>")
    if !drewAny {
      out.line("<text class=\"empty\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop + l.plotHeight / 2))\" text-anchor=\"middle\" fill=\"\(Palette.reference)\">no data</text>")
    }
    out.line("<text class=\"chart-title\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop - 16))\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(Markup.escape(Markup.shortened(title, to: 70)))</text>")
    drawLegend(&out)
    out.line("</svg>")
    return out.text
  }

  func c(_ v: Double) -> String { NumberText.coordinate(v) }

  func drawGrid(_ out: inout SVGText, x: Scale, y: Scale, xTicks: Ticks, yTicks: Ticks) {
    let l = layout
    out.line("<g class=\"grid\" stroke=\"\(Palette.grid)\" stroke-width=\"1\">")
    for v in xTicks.values { if let px = x(v) { out.line("<line x1=\"\(c(px))\" y1=\"\(c(l.plotTop))\" x2=\"\(c(px))\" y2=\"\(c(l.plotBottom))\"/>") } }
    for v in yTicks.values { if let py = y(v) { out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(py))\" x2=\"\(c(l.plotRight))\" y2=\"\(c(py))\"/>") } }
    out.line("</g>")
  }

  func drawAxes(_ out: inout SVGText, x: Scale, y: Scale, xTicks: Ticks, yTicks: Ticks) {
    let l = layout
    out.line("<g class=\"axes\" stroke=\"\(Palette.ink)\" stroke-width=\"1\">")
    out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(l.plotBottom))\" x2=\"\(c(l.plotRight))\" y2=\"\(c(l.plotBottom))\"/>")
    out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(l.plotTop))\" x2=\"\(c(l.plotLeft))\" y2=\"\(c(l.plotBottom))\"/>")
    out.line("</g>")
    out.line("<g class=\"x-ticks\" text-anchor=\"middle\">")
    for (v, label) in zip(xTicks.values, xTicks.labels) {
      if let px = x(v) { out.line("<text x=\"\(c(px))\" y=\"\(c(l.plotBottom + 18))\">\(Markup.escape(label))</text>") }
    }
    out.line("</g>")
    out.line("<g class=\"y-ticks\" text-anchor=\"end\">")
    for (v, label) in zip(yTicks.values, yTicks.labels) {
      if let py = y(v) { out.line("<text x=\"\(c(l.plotLeft - 6))\" y=\"\(c(py + 4))\">\(Markup.escape(label))</text>") }
    }
    out.line("</g>")
    let xTitle = xAxis.scale == .log ? "\(xAxis.title) (log)" : xAxis.title
    let yTitle = yAxis.scale == .log ? "\(yAxis.title) (log)" : yAxis.title
    out.line("<text class=\"axis-title x-title\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotBottom + 42))\" text-anchor=\"middle\" font-size=\"13\">\(Markup.escape(Markup.shortened(xTitle, to: 60)))</text>")
    let cx = l.plotLeft - 52, cy = l.plotTop + l.plotHeight / 2
    out.line("<text class=\"axis-title y-title\" x=\"\(c(cx))\" y=\"\(c(cy))\" transform=\"rotate(-90 \(c(cx)) \(c(cy)))\" text-anchor=\"middle\" font-size=\"13\">\(Markup.escape(Markup.shortened(yTitle, to: 40)))</text>")
  }

  func strokeAttributes(colour: Int, stroke: Stroke) -> String {
    var attributes = "fill=\"none\" stroke=\"\(Palette.colour(colour))\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
    if let dash = stroke.dashArray { attributes += " stroke-dasharray=\"\(dash)\"" }
    return attributes
  }

  /// Draws the placeable stretches of `points` as polylines, a lone point as a dot (every
  /// point, for `Shape.dots`); whether anything was drawn.
  func drawLine(_ out: inout SVGText, _ points: [ChartPoint], name: String, colour: Int, stroke: Stroke, shape: Line.Shape,
                x: Scale, y: Scale) -> Bool {
    let segments = Segments.split(points) { canPlace(x: $0.x, y: $0.y) }
    if shape == .dots {
      for segment in segments {
        for p in segment {
          out.line("<circle class=\"series dot\" cx=\"\(c(x(p.x)!))\" cy=\"\(c(y(p.y)!))\" r=\"3\" fill=\"\(Palette.colour(colour))\" fill-opacity=\"0.75\"/>")
        }
      }
      return !segments.isEmpty
    }
    for segment in segments {
      let placed = Decimation.reduce(Line.corners(segment, shape: shape).map { (x($0.x)!, y($0.y)!) }, columns: Int(layout.plotWidth))
      if placed.count == 1 {
        out.line("<circle class=\"series point\" cx=\"\(c(placed[0].0))\" cy=\"\(c(placed[0].1))\" r=\"3\" fill=\"\(Palette.colour(colour))\"/>")
      } else {
        let list = placed.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
        out.line("<polyline class=\"series\" \(strokeAttributes(colour: colour, stroke: stroke)) points=\"\(list)\"/>")
      }
    }
    return !segments.isEmpty
  }

  /// The mean ± spread area of each placeable stretch of a band (on a log axis, an edge at or
  /// below zero is drawn at the bottom of the axis).
  func drawArea(_ out: inout SVGText, _ band: Band, x: Scale, y: Scale) {
    let segments = Segments.split(band.points) { canPlace(x: $0.x, y: $0.mean) }
    for segment in segments where segment.count > 1 {
      func edge(_ v: Double) -> Double { y.canPlace(v) ? y(v)! : (v > 0 ? y.end : y.start) }
      let columns = Int(layout.plotWidth)
      let upper = Decimation.reduce(segment.map { p in (x(p.x)!, edge(p.mean + (p.spread.isFinite ? abs(p.spread) : 0))) }, columns: columns)
        .map { "\(c($0.x)),\(c($0.y))" }
      let lower = Decimation.reduce(segment.reversed().map { p in (x(p.x)!, edge(p.mean - (p.spread.isFinite ? abs(p.spread) : 0))) }, columns: columns)
        .map { "\(c($0.x)),\(c($0.y))" }
      out.line("<polygon class=\"band\" fill=\"\(Palette.colour(band.colour))\" fill-opacity=\"0.2\" stroke=\"none\" points=\"\((upper + lower).joined(separator: " "))\"/>")
    }
  }

  func drawLegend(_ out: inout SVGText) {
    guard !marks.isEmpty else { return }
    let l = layout
    let left = l.plotRight + 18, rowHeight = 20.0
    let capacity = max(1, Int(l.plotHeight / rowHeight))
    let shown = marks.count <= capacity ? marks : Array(marks.prefix(capacity - 1))
    out.line("<g class=\"legend\">")
    for (i, mark) in shown.enumerated() {
      let top = l.plotTop + 4 + Double(i) * rowHeight
      let mid = top + 6
      out.line("<g class=\"legend-entry\">")
      out.line("<title>\(Markup.escape(mark.name))</title>")
      switch mark {
      case .line(let line) where line.shape == .dots:
        out.line("<circle cx=\"\(c(left + 12))\" cy=\"\(c(mid))\" r=\"3\" fill=\"\(Palette.colour(line.colour))\" fill-opacity=\"0.75\"/>")
      case .line(let line):
        out.line("<line x1=\"\(c(left))\" y1=\"\(c(mid))\" x2=\"\(c(left + 24))\" y2=\"\(c(mid))\" \(strokeAttributes(colour: line.colour, stroke: line.stroke))/>")
      case .band(let band):
        out.line("<rect x=\"\(c(left))\" y=\"\(c(mid - 6))\" width=\"24\" height=\"12\" fill=\"\(Palette.colour(band.colour))\" fill-opacity=\"0.2\"/>")
        out.line("<line x1=\"\(c(left))\" y1=\"\(c(mid))\" x2=\"\(c(left + 24))\" y2=\"\(c(mid))\" \(strokeAttributes(colour: band.colour, stroke: band.stroke))/>")
      }
      out.line("<text x=\"\(c(left + 30))\" y=\"\(c(mid + 4))\">\(Markup.escape(Markup.shortened(mark.name, to: layout.legendCharacters)))</text>")
      out.line("</g>")
    }
    if shown.count < marks.count {
      let top = l.plotTop + 4 + Double(shown.count) * rowHeight
      out.line("<text class=\"legend-more\" x=\"\(c(left))\" y=\"\(c(top + 10))\">+ \(marks.count - shown.count) more</text>")
    }
    out.line("</g>")
  }
}
