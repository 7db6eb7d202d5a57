import Testing
@testable import Charts

@Suite struct ParallelCoordinatesChartTests {
  /// The parallel layout's plot area: x 64...640, y 348 (bottom)...48 (top).
  static let dimensions = [
    Dimension(title: "dropout", kind: .linear(integer: false), range: 0...1),
    Dimension(title: "lr", kind: .log, range: 1...100),
    Dimension(title: "optimizer", kind: .categories(["adam", "sgd"])),
  ]

  func chart(_ items: [ParallelCoordinatesChart.Item], dimensions: [Dimension] = Self.dimensions) -> ParallelCoordinatesChart {
    ParallelCoordinatesChart(title: "t", dimensions: dimensions, items: items, colourTitle: "score", faintName: "pruned", highlightedName: "best: trial 1")
  }

  @Test func axesAreSpreadEvenlyAndValuesPlacedOnThem() {
    let c = chart([.init(name: "trial 0", values: [0.5, 10, 1], colourValue: 0)])
    #expect(c.axisPositions() == [64, 352, 640])
    // dropout 0.5 of 0...1 -> 348 - 150; lr 10 of 1...100 (log) -> half way; "sgd", the second of two
    // categories, at three quarters: 348 - 225.
    #expect(c.svg().attribute("points", after: "<polyline") == "64,198 352,198 640,123")
  }

  @Test func ticksAreLabelledOnEveryAxis() {
    let svg = chart([.init(name: "trial 0", values: [0.5, 10, 1], colourValue: 0)]).svg()
    for label in [">0.2</text>", ">1</text>", ">10</text>", ">100</text>", ">adam</text>", ">sgd</text>", ">lr (log)</text>", ">optimizer</text>"] {
      #expect(svg.contains(label), "\(label)")
    }
    // "adam" sits at a quarter of the axis: 348 - 75 = 273, the label 4 below the tick's line.
    #expect(svg.contains("<text x=\"634\" y=\"277\">adam</text>"))
  }

  @Test func aMissingValueBreaksTheLine() {
    let svg = chart([.init(name: "trial 0", values: [0.5, .nan, 1], colourValue: 0),
                     .init(name: "trial 1", values: [0.5, 10], colourValue: 1)]).svg()
    #expect(svg.occurrences(of: "<polyline") == 1)   // trial 1: dropout to lr; its optimizer is missing
    #expect(svg.occurrences(of: "<circle cx=") == 2)   // trial 0: two lone values
    #expect(!svg.contains("NaN"))
  }

  @Test func linesAreColouredByValueFaintUnderneathHighlightedOnTop() {
    let svg = chart([
      .init(name: "trial 1", values: [0.1, 2, 0], colourValue: 10, style: .highlighted),
      .init(name: "trial 0", values: [0.2, 3, 0], colourValue: 0),
      .init(name: "trial 2", values: [0.3, 4, 1], colourValue: 5),
      .init(name: "trial 3", values: [0.4, 5, 1], colourValue: .nan, style: .faint),
    ]).svg()
    let faint = svg.range(of: "<title>trial 3</title>")!.lowerBound, coloured = svg.range(of: "<title>trial 0</title>")!.lowerBound
    let best = svg.range(of: "<title>trial 1</title>")!.lowerBound
    #expect(faint < coloured && coloured < best)
    #expect(svg.contains("<polyline stroke=\"\(Palette.reference)\" stroke-width=\"1\" stroke-opacity=\"0.35\""))
    #expect(svg.contains("<polyline stroke=\"\(Palette.highlight)\" stroke-width=\"3\""))
    // The scale runs over 0...10, the faint item's value aside: 0 the darkest, 5 the middle.
    #expect(svg.contains("<polyline stroke=\"#440154\" stroke-width=\"1.5\""))
    #expect(svg.contains("<polyline stroke=\"#277f8e\" stroke-width=\"1.5\""))
    #expect(svg.contains(">pruned<title>pruned</title></text>") && svg.contains(">best: trial 1<title>"))
    #expect(svg.contains(">score<title>score</title></text>"))
  }

  @Test func aSingleItemAndSingleValuesDoNotDivideByZero() {
    let dims = [Dimension(title: "width", kind: .linear(integer: true)), Dimension(title: "lr", kind: .log),
                Dimension(title: "only", kind: .categories(["one"])), Dimension(title: "score", kind: .linear(integer: false))]
    let svg = chart([.init(name: "trial 0", values: [260, 0.01, 0, 0.5], colourValue: 0.5)], dimensions: dims).svg()
    // Each lone value sits in the middle of its axis: 260 on ticks 220...300, 0.01 on 0.005...0.02
    // (log), the only category, 0.5 on 0.44...0.56.
    #expect(svg.attribute("points", after: "<polyline") == "64,198 256,198 448,198 640,198")
    #expect(!svg.contains("NaN") && !svg.contains("inf"))
    // The colour bar (x 668, y 56...236) with one value: its label at the middle.
    #expect(svg.contains("<text x=\"689\" y=\"150\">0.5</text>"))
  }

  @Test func oneAxisStandsInTheMiddleAndNoItemsSayNoData() {
    let one = chart([], dimensions: [Dimension(title: "score", kind: .linear(integer: false))])
    #expect(one.axisPositions() == [352])
    #expect(one.svg().contains(">no data</text>"))
    let unplaceable = chart([.init(name: "x", values: [.infinity, -1, 5], colourValue: 0)]).svg()
    #expect(unplaceable.contains(">no data</text>"))
  }

  @Test func namesAreEscaped() {
    let evil = "</text><script>alert(1)</script>"
    let c = ParallelCoordinatesChart(title: evil, dimensions: [Dimension(title: evil, kind: .categories([evil])), Dimension(title: evil, kind: .log)],
                                     items: [.init(name: evil, values: [0, 1], colourValue: 1, style: .highlighted),
                                             .init(name: evil, values: [0, 2], colourValue: 1, style: .faint)],
                                     colourTitle: evil, faintName: evil, highlightedName: evil)
    let svg = c.svg(id: "p\"><script>")
    #expect(!svg.contains("<script"))
    #expect(svg.contains("&lt;/text&gt;&lt;script&gt;"))
  }

  @Test func sameInputSameBytes() {
    let make = { self.chart([.init(name: "a", values: [0.5, 10, 1], colourValue: 0), .init(name: "b", values: [0.1, 3, 0], colourValue: 2)]).svg() }
    #expect(make() == make())
  }
}
