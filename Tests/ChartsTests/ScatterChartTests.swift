import Testing
@testable import Charts

@Suite struct ScatterChartTests {
  /// The wide layout's plot area: x 72...520, y 340...40.
  func chart(_ x: Dimension, _ points: [ScatterChart.Point], y: Dimension = Dimension(title: "score", kind: .linear(integer: false), range: 0...1)) -> ScatterChart {
    ScatterChart(title: "slice", xAxis: x, yAxis: y, points: points, colourTitle: "trial", highlightedName: "best: trial 2")
  }

  func centres(_ svg: String) -> [String] {
    svg.components(separatedBy: "<circle cx=\"").dropFirst().map { part in
      let cx = part.prefix { $0 != "\"" }
      let cy = part.components(separatedBy: "cy=\"")[1].prefix { $0 != "\"" }
      return "\(cx),\(cy)"
    }
  }

  @Test func categoriesAreSpacedEvenly() {
    let svg = chart(Dimension(title: "optimizer", kind: .categories(["adam", "sgd", "rmsprop"])),
                    [.init(x: 0, y: 0.5, colourValue: 0, name: "trial 0"), .init(x: 2, y: 1, colourValue: 1, name: "trial 1")]).svg()
    // Each category at the middle of its third of 72...520: 146.67, 296, 445.33.
    #expect(centres(svg) == ["146.67,190", "445.33,40"])
    #expect(svg.contains("<text x=\"296\" y=\"358\">sgd</text>"))
  }

  @Test func aLogParameterIsDrawnOnALogAxis() {
    let svg = chart(Dimension(title: "lr", kind: .log, range: 1e-4...0.1),
                    [.init(x: 1e-3, y: 0, colourValue: 0, name: "trial 0"), .init(x: 0.01, y: 0.25, colourValue: 1, name: "trial 1")]).svg()
    // Three decades over 448 units: 1e-3 one third along, 1e-2 two thirds.
    #expect(centres(svg) == ["221.33,340", "370.67,265"])
    #expect(svg.contains(">lr (log)</text>"))
    #expect(svg.contains(">0.0001</text>") && svg.contains(">0.001</text>") && svg.contains(">0.1</text>"))
  }

  @Test func pointsAreColouredByTrialNumber() {
    let svg = chart(Dimension(title: "x", kind: .linear(integer: false), range: 0...1),
                    (0...4).map { .init(x: Double($0) / 4, y: 0.5, colourValue: Double($0 * 10), name: "trial \($0 * 10)") }).svg()
    #expect(svg.contains("fill=\"#440154\" fill-opacity=\"0.85\"><title>trial 0</title>"))
    #expect(svg.contains("fill=\"#277f8e\" fill-opacity=\"0.85\"><title>trial 20</title>"))
    #expect(svg.contains("fill=\"#a0da39\" fill-opacity=\"0.85\"><title>trial 40</title>"))
    #expect(svg.contains(">trial<title>trial</title></text>"))   // the colour bar's title
  }

  @Test func nonFiniteValuesAreSkipped() {
    let svg = chart(Dimension(title: "x", kind: .linear(integer: false)),
                    [.init(x: .nan, y: 0.5, colourValue: 0, name: "a"), .init(x: 1, y: .infinity, colourValue: 1, name: "b"),
                     .init(x: 0.5, y: 0.5, colourValue: 2, name: "c")]).svg()
    #expect(centres(svg).count == 1)
    #expect(!svg.contains("NaN") && !svg.contains("inf"))
  }

  @Test func aSinglePointSitsInTheMiddle() {
    let svg = chart(Dimension(title: "width", kind: .linear(integer: true)), [.init(x: 260, y: 0.7, colourValue: 3, name: "trial 3")],
                    y: Dimension(title: "score", kind: .linear(integer: false))).svg()
    #expect(centres(svg) == ["296,190"])
    #expect(!svg.contains("NaN") && !svg.contains("inf"))
  }

  @Test func theHighlightedPointIsRingedAndDrawnLast() {
    let svg = chart(Dimension(title: "x", kind: .linear(integer: false), range: 0...1),
                    [.init(x: 0.5, y: 0.5, colourValue: 2, name: "trial 2", highlighted: true), .init(x: 0.2, y: 0.2, colourValue: 1, name: "trial 1")]).svg()
    #expect(svg.range(of: "<title>trial 1</title>")!.lowerBound < svg.range(of: "<title>trial 2</title>")!.lowerBound)
    #expect(svg.contains("<circle class=\"highlighted\" cx=\"296\" cy=\"190\" r=\"6\""))
    #expect(svg.contains(">best: trial 2<title>"))
  }

  @Test func noPointsSayNoData() {
    let svg = chart(Dimension(title: "x", kind: .categories([])), [.init(x: 0, y: 1, colourValue: 0, name: "a")]).svg()
    #expect(svg.contains(">no data</text>"))
    #expect(!svg.contains("NaN"))
  }

  @Test func namesAreEscaped() {
    let evil = "<script>alert('x')</script>"
    let svg = ScatterChart(title: evil, xAxis: Dimension(title: evil, kind: .categories([evil])), yAxis: Dimension(title: evil, kind: .log),
                           points: [.init(x: 0, y: 1, colourValue: 0, name: evil, highlighted: true)], colourTitle: evil, highlightedName: evil).svg(id: evil)
    #expect(!svg.contains("<script"))
    #expect(svg.contains("&lt;script&gt;"))
  }
}
