/// The colour bar a chart coloured by a `ColourScale` shows at its right: the gradient, lower
/// values at the bottom, with ticks and a title.
extension ColourScale {
  /// Draws the bar at `left`, from `top` down `height` units; `id` names its gradient.
  func drawBar(_ out: inout SVGText, id: String, title: String, left: Double, top: Double, height: Double, titleCharacters: Int) {
    func c(_ v: Double) -> String { NumberText.coordinate(v) }
    let gradient = "\(Markup.escape(id))-scale"
    out.line("<g class=\"colour-scale\">")
    out.line("<defs><linearGradient id=\"\(gradient)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">")
    for i in 0..<Self.stops.count {
      let t = Double(i) / Double(Self.stops.count - 1)
      out.line("<stop offset=\"\(NumberText.trimmed(t, decimals: 4))\" stop-color=\"\(Self.colour(at: t))\"/>")
    }
    out.line("</linearGradient></defs>")
    out.line("<text class=\"scale-title\" x=\"\(c(left))\" y=\"\(c(top - 8))\">\(Markup.escape(Markup.shortened(title, to: titleCharacters)))<title>\(Markup.escape(title))</title></text>")
    out.line("<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"14\" height=\"\(c(height))\" fill=\"url(#\(gradient))\" stroke=\"\(Palette.grid)\"/>")
    let bottom = top + height
    var marks: [(Double, String)]
    if upper > lower {
      let ticks = Ticks.linear(lower, upper, target: 4)
      marks = zip(ticks.values, ticks.labels).filter { $0.0 >= lower - 1e-12 * abs(lower) && $0.0 <= upper + 1e-12 * abs(upper) }
        .map { (bottom - fraction($0.0) * height, $0.1) }
      if marks.count < 2 {
        marks = [(bottom, NumberText.significant(lower, digits: 4)), (top, NumberText.significant(upper, digits: 4))]
      }
    } else {
      marks = [(top + height / 2, NumberText.significant(lower, digits: 4))]
    }
    for (y, label) in marks {
      out.line("<line x1=\"\(c(left + 14))\" y1=\"\(c(y))\" x2=\"\(c(left + 18))\" y2=\"\(c(y))\" stroke=\"\(Palette.ink)\"/>")
      out.line("<text x=\"\(c(left + 21))\" y=\"\(c(y + 4))\">\(Markup.escape(label))</text>")
    }
    out.line("</g>")
  }
}
