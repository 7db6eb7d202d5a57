import Foundation
import Testing
@testable import Charts

@Suite struct DecimationTests {
  @Test func shortLinesAreKeptWhole() {
    let points = (0..<40).map { (x: Double($0) / 10, y: Double($0 % 3)) }
    #expect(Decimation.reduce(points, columns: 10).count == 40)
  }

  @Test func eachColumnKeepsFirstLowestHighestLast() {
    // Column 0: y 5, 1, 9, 3, 4 -> 5 (first), 1 (lowest), 9 (highest), 4 (last).
    let points: [(x: Double, y: Double)] = [(0, 5), (0.2, 1), (0.4, 9), (0.6, 3), (0.8, 4), (1, 2), (1.5, 2), (2, 7), (2.1, 0), (2.2, 1)]
    let kept = Decimation.reduce(points, columns: 2)
    #expect(kept.map(\.y) == [5, 1, 9, 4, 2, 2, 7, 0, 1])
  }

  @Test func aLongSeriesShrinksButKeepsItsExtremes() {
    let ys = (0..<100_000).map { sin(Double($0) / 500) + (($0 == 61_234) ? 5 : 0) }
    let line = Line(name: "per batch", points: ys.enumerated().map { ChartPoint(Double($0.offset), $0.element) }, colour: 0)
    let chart = LineChart(title: "t", xAxis: Axis(title: "step"), yAxis: Axis(title: "loss"), marks: [.line(line)])
    let svg = chart.svg()
    let drawn = svg.attribute("points", after: "<polyline class=\"series\"")!.split(separator: " ")
    #expect(drawn.count <= 4 * Int(chart.layout.plotWidth))
    let (x, y, _, _) = chart.scales()
    #expect(drawn.contains("\(NumberText.coordinate(x(61_234)!)),\(NumberText.coordinate(y(ys[61_234])!))"))   // the spike
    #expect(drawn.first == "\(NumberText.coordinate(x(0)!)),\(NumberText.coordinate(y(ys[0])!))")
    #expect(drawn.last == "\(NumberText.coordinate(x(99_999)!)),\(NumberText.coordinate(y(ys[99_999])!))")
  }
}
