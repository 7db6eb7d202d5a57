import Foundation
import Testing
@testable import Charts

@Suite struct LineChartTests {
  /// x in 0...2 and y in 0...4 onto the wide layout's plot area: x 72...520, y 340...40.
  func fixedChart(_ marks: [Mark], y: ScaleKind = .linear) -> LineChart {
    LineChart(title: "t", xAxis: Axis(title: "step", domain: 0...2),
              yAxis: Axis(title: "loss", scale: y, domain: y == .log ? 1...100 : 0...4), marks: marks)
  }

  @Test func pointsArePlacedOnThePlotArea() {
    let svg = fixedChart([.line(Line(name: "a", points: [ChartPoint(0, 0), ChartPoint(1, 2), ChartPoint(2, 4)], colour: 0))]).svg()
    #expect(svg.attribute("points", after: "<polyline class=\"series\"") == "72,340 296,190 520,40")
  }

  @Test func bandIsAPolygonFromMeanPlusSpreadBackAlongMeanMinusSpread() {
    let band = Band(name: "b", points: (0...2).map { BandPoint(x: Double($0), mean: 2, spread: 1) }, colour: 1)
    let svg = fixedChart([.band(band)]).svg()
    #expect(svg.attribute("points", after: "<polygon class=\"band\"") == "72,115 296,115 520,115 520,265 296,265 72,265")
    #expect(svg.attribute("fill-opacity", after: "<polygon class=\"band\"") == "0.2")
    #expect(svg.attribute("points", after: "<polyline class=\"series\"") == "72,190 296,190 520,190")   // the mean line
  }

  @Test func bandEdgesAtOrBelowZeroSitOnALogAxisBottom() {
    let band = Band(name: "b", points: [BandPoint(x: 0, mean: 10, spread: 20), BandPoint(x: 2, mean: 10, spread: 0)], colour: 0)
    let svg = fixedChart([.band(band)], y: .log).svg()
    // 30 -> 340 - 300 * log10(30) / 2 = 118.43; 10 -> 190; -10 -> the bottom, 340.
    #expect(svg.attribute("points", after: "<polygon class=\"band\"") == "72,118.43 520,190 520,190 72,340")
  }

  @Test func nonFinitePointsBreakTheLine() {
    let ys: [Double] = [1, .nan, 3, 3.5, .infinity, 2, 1]
    let line = Line(name: "gappy", points: ys.enumerated().map { ChartPoint(Double($0.offset), $0.element) }, colour: 0)
    let svg = LineChart(title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y"), marks: [.line(line)]).svg()
    #expect(svg.occurrences(of: "<polyline class=\"series\"") == 2)    // [3, 3.5] and [2, 1]
    #expect(svg.occurrences(of: "<circle class=\"series point\"") == 1) // [1] alone
    #expect(!svg.contains("NaN") && !svg.contains("inf"))
  }

  @Test func nonPositiveValuesBreakALineOnALogAxis() {
    let line = Line(name: "l", points: [ChartPoint(0, 10), ChartPoint(0.5, 20), ChartPoint(1, 0), ChartPoint(1.5, -1), ChartPoint(2, 50)], colour: 0)
    let svg = fixedChart([.line(line)], y: .log).svg()
    #expect(svg.occurrences(of: "<polyline class=\"series\"") == 1)
    #expect(svg.occurrences(of: "<circle class=\"series point\"") == 1)
    #expect(svg.contains(">loss (log)</text>"))
  }

  @Test func emptySeriesAndSinglePoints() {
    let empty = LineChart(title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y"),
                          marks: [.line(Line(name: "nothing", points: [], colour: 0))]).svg()
    #expect(empty.contains(">no data</text>"))
    #expect(empty.contains(">nothing</text>"))   // still in the legend
    #expect(!empty.contains("<polyline"))
    let single = LineChart(title: "t", xAxis: Axis(title: "x", integer: true), yAxis: Axis(title: "y"),
                           marks: [.line(Line(name: "one", points: [ChartPoint(3, 0.5)], colour: 2))]).svg()
    #expect(single.occurrences(of: "<circle class=\"series point\"") == 1)
    #expect(single.contains("fill=\"\(Palette.colour(2))\""))
    #expect(!single.contains(">no data<"))
  }

  @Test func axesTitlesTicksLegendAndViewBox() {
    let chart = LineChart(title: "Loss", xAxis: Axis(title: "step", integer: true), yAxis: Axis(title: "loss"),
                          marks: [.line(Line(name: "train", points: [ChartPoint(1, 0.9), ChartPoint(5, 0.3)], colour: 0)),
                                  .line(Line(name: "validation", points: [ChartPoint(1, 1.0), ChartPoint(5, 0.45)], colour: 0, stroke: .dashed))])
    let svg = chart.svg(id: "m1")
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 800 400\""))
    #expect(svg.contains("<clipPath id=\"m1-plot\">"))
    #expect(svg.contains("class=\"axis-title x-title\"") && svg.contains(">step</text>"))
    #expect(svg.contains(">loss</text>"))
    #expect(svg.contains(">Loss</text>"))
    #expect(svg.contains(">train</text>") && svg.contains(">validation</text>"))
    #expect(svg.occurrences(of: "stroke-dasharray=\"7 4\"") == 2)   // the validation line and its legend swatch
    for label in [">0.2</text>", ">0.4</text>", ">1</text>", ">1</text>", ">5</text>"] { #expect(svg.contains(label)) }
  }

  @Test func distinctColoursFromThePalette() {
    let marks = (0..<3).map { i in Mark.line(Line(name: "s\(i)", points: [ChartPoint(0, 0), ChartPoint(1, Double(i))], colour: i)) }
    let svg = LineChart(title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y"), marks: marks).svg()
    for i in 0..<3 { #expect(svg.contains("stroke=\"\(Palette.colours[i])\"")) }
    #expect(Set(Palette.colours).count == Palette.colours.count)
    #expect(Palette.colour(6) == Palette.colour(0))
  }

  @Test func longLegendsAreCutAndCounted() {
    let marks = (0..<20).map { i in Mark.line(Line(name: "series number \(i) with a rather long name indeed", points: [ChartPoint(0, Double(i))], colour: i)) }
    let svg = LineChart(title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y"), marks: marks).svg()
    #expect(svg.contains(">+ 6 more</text>"))   // 300 / 20 = 15 rows: 14 entries and the count
    #expect(svg.contains(">series number 0 with a rather l…</text>"))
    #expect(svg.contains("<title>series number 0 with a rather long name indeed</title>"))
  }

  @Test func extremeValuesDrawWithoutOverflow() {
    for (scale, ys) in [(ScaleKind.linear, [-1.7e308, 1.7e308]), (.linear, [1.7e308, 1.7e308]), (.log, [Double.leastNonzeroMagnitude, 1.7e308]), (.linear, [1e20, 1e20 + 1e5])] {
      let line = Line(name: "l", points: ys.enumerated().map { ChartPoint(Double($0.offset), $0.element) }, colour: 0)
      let svg = LineChart(title: "t", xAxis: Axis(title: "x"), yAxis: Axis(title: "y", scale: scale), marks: [.line(line)]).svg()
      #expect(!svg.contains("NaN") && !svg.contains("inf"), "\(scale) \(ys)")
      #expect(svg.contains("<polyline class=\"series\""))
    }
  }
}
