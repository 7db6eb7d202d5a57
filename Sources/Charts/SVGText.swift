/// Lines of SVG text.
struct SVGText {
  var text = ""
  mutating func line(_ s: String) { text += s; text += "\n" }
}
