/// Rendering: one `<svg>` element as `LineChart` draws it (a `viewBox`, the system sans-serif
/// font, every name escaped); tick labels sit on a white halo above the lines.
extension ParallelCoordinatesChart {
  /// The chart as SVG; `id` prefixes the element ids, so that several charts can share a page.
  public func svg(id: String = "parallel") -> String {
    let l = layout
    let ref = Markup.escape(id)
    let xs = axisPositions(), axes = scales(), colours = colourScale()
    var out = SVGText()
    out.line("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart parallel\" viewBox=\"0 0 \(c(l.width)) \(c(l.height))\" "
      + "width=\"\(c(l.width))\" height=\"\(c(l.height))\" role=\"img\" aria-labelledby=\"\(ref)-title\" "
      + "font-family=\"sans-serif\" font-size=\"12\" fill=\"\(Palette.ink)\">")
    out.line("<title id=\"\(ref)-title\">\(Markup.escape(title))</title>")
    out.line("<rect class=\"plot-area\" x=\"\(c(l.plotLeft))\" y=\"\(c(l.plotTop))\" width=\"\(c(l.plotWidth))\" height=\"\(c(l.plotHeight))\" fill=\"\(Palette.plotBackground)\"/>")
    out.line("<g class=\"axes\" stroke=\"\(Palette.ink)\" stroke-width=\"1\">")
    for x in xs { out.line("<line x1=\"\(c(x))\" y1=\"\(c(l.plotTop))\" x2=\"\(c(x))\" y2=\"\(c(l.plotBottom))\"/>") }
    out.line("</g>")
    var drewAny = false
    let order: [Item.Style] = [.faint, .coloured, .highlighted]
    for style in order {
      out.line("<g class=\"items \(style.rawValue)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
      for item in items where item.style == style {
        drewAny = drawItem(&out, item, xs: xs, axes: axes, colours: colours) || drewAny
      }
      out.line("</g>")
    }
    if !drewAny {
      out.line("<text class=\"empty\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop + l.plotHeight / 2))\" text-anchor=\"middle\" fill=\"\(Palette.reference)\">no data</text>")
    }
    drawTicks(&out, xs: xs, axes: axes)
    out.line("<text class=\"chart-title\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop - 22))\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(Markup.escape(Markup.shortened(title, to: 70)))</text>")
    drawLegend(&out, id: id, colours: colours)
    out.line("</svg>")
    return out.text
  }

  func c(_ v: Double) -> String { NumberText.coordinate(v) }

  /// The item's placeable stretches as polylines, a lone placed value as a dot; whether
  /// anything was drawn.
  func drawItem(_ out: inout SVGText, _ item: Item, xs: [Double], axes: [DimensionScale], colours: ColourScale) -> Bool {
    let placed: [(Double, Double)?] = xs.indices.map { i in
      guard item.values.indices.contains(i), let y = axes[i].position(item.values[i]) else { return nil }
      return (xs[i], y)
    }
    let segments = Segments.split(placed) { $0 != nil }.map { $0.map { $0! } }
    guard !segments.isEmpty else { return false }
    let colour: String, width: String, opacity: String
    switch item.style {
    case .faint: (colour, width, opacity) = (Palette.reference, "1", "0.35")
    case .coloured: (colour, width, opacity) = (colours.colour(item.colourValue), "1.5", "0.8")
    case .highlighted: (colour, width, opacity) = (Palette.highlight, "3", "1")
    }
    for segment in segments {
      if segment.count == 1 {
        out.line("<circle cx=\"\(c(segment[0].0))\" cy=\"\(c(segment[0].1))\" r=\"2.5\" fill=\"\(colour)\" fill-opacity=\"\(opacity)\"><title>\(Markup.escape(item.name))</title></circle>")
      } else {
        let list = segment.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
        out.line("<polyline stroke=\"\(colour)\" stroke-width=\"\(width)\" stroke-opacity=\"\(opacity)\" points=\"\(list)\"><title>\(Markup.escape(item.name))</title></polyline>")
      }
    }
    return true
  }

  /// Each axis' ticks and labels (left of the axis, on a halo), and its title under the plot area.
  func drawTicks(_ out: inout SVGText, xs: [Double], axes: [DimensionScale]) {
    let l = layout
    out.line("<g class=\"ticks\" text-anchor=\"end\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">")
    for (x, axis) in zip(xs, axes) {
      for tick in axis.ticks {
        out.line("<line x1=\"\(c(x - 4))\" y1=\"\(c(tick.position))\" x2=\"\(c(x))\" y2=\"\(c(tick.position))\" stroke=\"\(Palette.ink)\" stroke-width=\"1\"/>")
        let tooltip = tick.full == tick.label ? "" : "<title>\(Markup.escape(tick.full))</title>"
        out.line("<text x=\"\(c(x - 6))\" y=\"\(c(tick.position + 4))\">\(Markup.escape(tick.label))\(tooltip)</text>")
      }
    }
    out.line("</g>")
    out.line("<g class=\"axis-titles\" text-anchor=\"middle\" font-size=\"13\">")
    for (x, axis) in zip(xs, axes) {
      let label = axis.dimension.label
      let cut = Markup.shortened(label, to: labelCharacters + 2)
      let tooltip = cut == label ? "" : "<title>\(Markup.escape(label))</title>"
      out.line("<text class=\"axis-title\" x=\"\(c(x))\" y=\"\(c(l.plotBottom + 22))\">\(Markup.escape(cut))\(tooltip)</text>")
    }
    out.line("</g>")
  }

  /// The colour bar, then an entry for the faint and the highlighted lines when there are any.
  func drawLegend(_ out: inout SVGText, id: String, colours: ColourScale) {
    let l = layout
    let left = l.plotRight + 28
    let characters = max(8, Int((l.width - left - 4) / 7))
    let styles = Set(items.map(\.style))
    guard !items.isEmpty else { return }
    out.line("<g class=\"legend\">")
    if styles.contains(.coloured) || styles.contains(.highlighted) {
      colours.drawBar(&out, id: id, title: colourTitle, left: left, top: l.plotTop + 8, height: l.plotHeight * 0.6, titleCharacters: characters)
    }
    var top = l.plotTop + l.plotHeight * 0.6 + 36
    for (style, name, colour, width) in [(Item.Style.highlighted, highlightedName, Palette.highlight, "3"), (.faint, faintName, Palette.reference, "1")]
    where styles.contains(style) {
      out.line("<g class=\"legend-entry\">")
      out.line("<line x1=\"\(c(left))\" y1=\"\(c(top))\" x2=\"\(c(left + 24))\" y2=\"\(c(top))\" stroke=\"\(colour)\" stroke-width=\"\(width)\"/>")
      out.line("<text x=\"\(c(left + 30))\" y=\"\(c(top + 4))\">\(Markup.escape(Markup.shortened(name, to: characters - 4)))<title>\(Markup.escape(name))</title></text>")
      out.line("</g>")
      top += 20
    }
    out.line("</g>")
  }
}
