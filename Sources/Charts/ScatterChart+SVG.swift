/// Rendering: one `<svg>` element as `LineChart` draws it (a `viewBox`, the system sans-serif
/// font, every name escaped), the colour bar in the legend's place.
extension ScatterChart {
  /// The chart as SVG; `id` prefixes the element ids, so that several charts can share a page.
  public func svg(id: String = "scatter") -> String {
    let l = layout
    let ref = Markup.escape(id)
    let (x, y) = scales(), colours = colourScale(), shown = placeable
    var out = SVGText()
    out.line("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart scatter\" viewBox=\"0 0 \(c(l.width)) \(c(l.height))\" "
      + "width=\"\(c(l.width))\" height=\"\(c(l.height))\" role=\"img\" aria-labelledby=\"\(ref)-title\" "
      + "font-family=\"sans-serif\" font-size=\"12\" fill=\"\(Palette.ink)\">")
    out.line("<title id=\"\(ref)-title\">\(Markup.escape(title))</title>")
    out.line("<rect class=\"plot-area\" x=\"\(c(l.plotLeft))\" y=\"\(c(l.plotTop))\" width=\"\(c(l.plotWidth))\" height=\"\(c(l.plotHeight))\" fill=\"\(Palette.plotBackground)\"/>")
    out.line("<g class=\"grid\" stroke=\"\(Palette.grid)\" stroke-width=\"1\">")
    for t in x.ticks { out.line("<line x1=\"\(c(t.position))\" y1=\"\(c(l.plotTop))\" x2=\"\(c(t.position))\" y2=\"\(c(l.plotBottom))\"/>") }
    for t in y.ticks { out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(t.position))\" x2=\"\(c(l.plotRight))\" y2=\"\(c(t.position))\"/>") }
    out.line("</g>")
    out.line("<g class=\"axes\" stroke=\"\(Palette.ink)\" stroke-width=\"1\">")
    out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(l.plotBottom))\" x2=\"\(c(l.plotRight))\" y2=\"\(c(l.plotBottom))\"/>")
    out.line("<line x1=\"\(c(l.plotLeft))\" y1=\"\(c(l.plotTop))\" x2=\"\(c(l.plotLeft))\" y2=\"\(c(l.plotBottom))\"/>")
    out.line("</g>")
    out.line("<g class=\"x-ticks\" text-anchor=\"middle\">")
    for t in x.ticks { out.line("<text x=\"\(c(t.position))\" y=\"\(c(l.plotBottom + 18))\">\(Markup.escape(t.label))\(tooltip(t))</text>") }
    out.line("</g>")
    out.line("<g class=\"y-ticks\" text-anchor=\"end\">")
    for t in y.ticks { out.line("<text x=\"\(c(l.plotLeft - 6))\" y=\"\(c(t.position + 4))\">\(Markup.escape(t.label))\(tooltip(t))</text>") }
    out.line("</g>")
    out.line("<text class=\"axis-title x-title\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotBottom + 42))\" text-anchor=\"middle\" font-size=\"13\">\(Markup.escape(Markup.shortened(xAxis.label, to: 60)))</text>")
    let cx = l.plotLeft - 52, cy = l.plotTop + l.plotHeight / 2
    out.line("<text class=\"axis-title y-title\" x=\"\(c(cx))\" y=\"\(c(cy))\" transform=\"rotate(-90 \(c(cx)) \(c(cy)))\" text-anchor=\"middle\" font-size=\"13\">\(Markup.escape(Markup.shortened(yAxis.label, to: 40)))</text>")
    out.line("<g class=\"points\" stroke=\"#ffffff\" stroke-width=\"0.75\">")
    for p in shown where !p.highlighted {
      out.line("<circle cx=\"\(c(x.position(p.x)!))\" cy=\"\(c(y.position(p.y)!))\" r=\"4\" fill=\"\(colours.colour(p.colourValue))\" fill-opacity=\"0.85\"><title>\(Markup.escape(p.name))</title></circle>")
    }
    for p in shown where p.highlighted {
      out.line("<circle class=\"highlighted\" cx=\"\(c(x.position(p.x)!))\" cy=\"\(c(y.position(p.y)!))\" r=\"6\" fill=\"\(colours.colour(p.colourValue))\" stroke=\"\(Palette.highlight)\" stroke-width=\"2.5\"><title>\(Markup.escape(p.name))</title></circle>")
    }
    out.line("</g>")
    if shown.isEmpty {
      out.line("<text class=\"empty\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop + l.plotHeight / 2))\" text-anchor=\"middle\" fill=\"\(Palette.reference)\">no data</text>")
    }
    out.line("<text class=\"chart-title\" x=\"\(c(l.plotLeft + l.plotWidth / 2))\" y=\"\(c(l.plotTop - 16))\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(Markup.escape(Markup.shortened(title, to: 70)))</text>")
    if !shown.isEmpty {
      let left = l.plotRight + 28
      let characters = max(8, Int((l.width - left - 4) / 7))
      out.line("<g class=\"legend\">")
      colours.drawBar(&out, id: id, title: colourTitle, left: left, top: l.plotTop + 8, height: l.plotHeight * 0.6, titleCharacters: characters)
      if shown.contains(where: \.highlighted) {
        let top = l.plotTop + l.plotHeight * 0.6 + 36
        out.line("<g class=\"legend-entry\">")
        out.line("<circle cx=\"\(c(left + 7))\" cy=\"\(c(top))\" r=\"6\" fill=\"none\" stroke=\"\(Palette.highlight)\" stroke-width=\"2.5\"/>")
        out.line("<text x=\"\(c(left + 20))\" y=\"\(c(top + 4))\">\(Markup.escape(Markup.shortened(highlightedName, to: characters - 3)))<title>\(Markup.escape(highlightedName))</title></text>")
        out.line("</g>")
      }
      out.line("</g>")
    }
    out.line("</svg>")
    return out.text
  }

  func c(_ v: Double) -> String { NumberText.coordinate(v) }

  func tooltip(_ tick: DimensionScale.Tick) -> String {
    tick.full == tick.label ? "" : "<title>\(Markup.escape(tick.full))</title>"
  }
}
