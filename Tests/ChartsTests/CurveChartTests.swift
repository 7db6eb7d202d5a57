import Testing
@testable import Charts

@Suite struct CurveChartTests {
  @Test func rocHasTheDiagonalAndTheAreaInTheLegend() {
    let curve = CurveChart.Curve(name: "run a", points: [ChartPoint(0, 0), ChartPoint(0, 0.5), ChartPoint(0.5, 1), ChartPoint(1, 1)], area: 0.875, colour: 0)
    let chart = CurveChart.roc(title: "ROC", curves: [curve])
    let svg = chart.svg()
    #expect(chart.layout.plotWidth == chart.layout.plotHeight)
    #expect(svg.contains(">run a (AUC 0.875)</text>"))
    // The diagonal from (0, 0) to (1, 1) on the square plot area 72...372 x 340...40.
    #expect(svg.contains("<line class=\"reference\" x1=\"72\" y1=\"340\" x2=\"372\" y2=\"40\""))
    #expect(svg.attribute("points", after: "<polyline class=\"series\"") == "72,340 72,190 222,40 372,40")
    #expect(svg.contains(">false positive rate</text>") && svg.contains(">true positive rate</text>"))
    for label in ["0", "0.2", "0.4", "0.6", "0.8", "1"] { #expect(svg.contains(">\(label)</text>")) }
  }

  @Test func precisionRecallNamesAPAndHasNoDiagonal() {
    let svg = CurveChart.precisionRecall(title: "PR", curves: [
      CurveChart.Curve(name: "a", points: [ChartPoint(0, 1), ChartPoint(1, 0.4)], area: 0.8125, colour: 0),
      CurveChart.Curve(name: "b", points: [ChartPoint(0, 1), ChartPoint(1, 0.3)], area: nil, colour: 1),
    ]).svg()
    #expect(svg.contains(">a (AP 0.813)</text>") || svg.contains(">a (AP 0.812)</text>"))
    #expect(svg.contains(">b</text>"))
    #expect(!svg.contains("class=\"reference\""))
    #expect(svg.contains(">recall</text>") && svg.contains(">precision</text>"))
  }

  /// Each recall interval takes the precision at its higher recall, as average precision sums
  /// it: (0.5 - 0) * 1 + (1 - 0.5) * 0.5 = 0.75, the area under the steps drawn.
  @Test func precisionRecallIsDrawnInStepsWhateverTheOrder() {
    let decreasing = [ChartPoint(1, 0.5), ChartPoint(0.5, 1), ChartPoint(0, 1)]
    for points in [decreasing, decreasing.reversed()] {
      let svg = CurveChart.precisionRecall(title: "PR", curves: [CurveChart.Curve(name: "a", points: points, area: 0.75, colour: 0)]).svg()
      let drawn = svg.attribute("points", after: "<polyline class=\"series\"")
      #expect(drawn == (points == decreasing ? "372,190 222,190 222,40 72,40" : "72,40 222,40 222,190 372,190"))
    }
  }
}
