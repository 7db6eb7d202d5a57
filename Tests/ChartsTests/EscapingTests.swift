import Testing
@testable import Charts

@Suite struct EscapingTests {
  @Test func markupCharactersAreEscaped() {
    #expect(Markup.escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;")
    #expect(Markup.escape("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    #expect(Markup.escape("μ ± σ") == "μ ± σ")
  }

  @Test func namesFromScriptsCannotInjectMarkup() {
    let evil = "</text><script>alert(\"x\")</script><a href='javascript:1'>"
    let chart = LineChart(title: evil, xAxis: Axis(title: evil), yAxis: Axis(title: evil),
                          marks: [.line(Line(name: evil, points: [ChartPoint(0, 1), ChartPoint(1, 2)], colour: 0))])
    for svg in [chart.svg(id: "x\"><script>"), CurveChart.roc(title: evil, curves: [CurveChart.Curve(name: evil, points: [], area: 0.5, colour: 0)]).svg()] {
      #expect(!svg.contains("<script"))
      #expect(!svg.contains("<a "))
      #expect(svg.contains("&lt;/text&gt;&lt;script&gt;"))
    }
    let table = MetricTable(caption: evil, columns: [evil], rows: [.init(label: evil, cells: [.text(evil), .number(1)])]).html()
    #expect(!table.contains("<script"))
    #expect(table.occurrences(of: "&lt;script&gt;") == 4)
  }
}
