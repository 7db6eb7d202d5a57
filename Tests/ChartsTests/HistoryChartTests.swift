import Testing
@testable import Charts

@Suite struct HistoryChartTests {
  @Test func bestSoFarHoldsUntilBeaten() {
    let values = [ChartPoint(0, 0.5), ChartPoint(1, 0.3), ChartPoint(2, 0.7), ChartPoint(3, 0.6)]
    #expect(HistoryChart.bestSoFar(values, minimize: false).map(\.y) == [0.5, 0.5, 0.7, 0.7])
    #expect(HistoryChart.bestSoFar(values, minimize: true).map(\.y) == [0.5, 0.3, 0.3, 0.3])
  }

  @Test func leftStepsRunAcrossThenUp() {
    let corners = Line.corners([ChartPoint(0, 1), ChartPoint(2, 3), ChartPoint(3, 3)], shape: .leftSteps)
    #expect(corners == [ChartPoint(0, 1), ChartPoint(2, 1), ChartPoint(2, 3), ChartPoint(3, 3)])
    // Right steps stay as they were: up, then across.
    #expect(Line.corners([ChartPoint(0, 1), ChartPoint(2, 3)], shape: .rightSteps) == [ChartPoint(0, 1), ChartPoint(0, 3), ChartPoint(2, 3)])
  }

  @Test func trialsAreDotsAndTheBestIsAStepLine() {
    // Trials 0...4 on x (half a trial of room each side: -0.5...4.5 onto 72...520, 89.6 a trial),
    // values 0.2...1 (ticks 0.2...1 onto 340...40); trial 3 failed.
    let values = [ChartPoint(0, 0.2), ChartPoint(1, 0.6), ChartPoint(2, 0.4), ChartPoint(3, .nan), ChartPoint(4, 1)]
    let chart = HistoryChart.chart(title: "history", objective: "score", values: values.reversed(), minimize: false)
    let svg = chart.svg(id: "h")
    #expect(svg.occurrences(of: "<circle class=\"series dot\"") == 4)
    #expect(svg.contains("<circle class=\"series dot\" cx=\"206.4\" cy=\"190\" r=\"3\""))   // trial 1, 0.6
    #expect(svg.attribute("points", after: "<polyline class=\"series\"") == "116.8,340 206.4,340 206.4,190 296,190 475.2,190 475.2,40")
    #expect(svg.contains(">best so far</text>") && svg.contains(">score</text>") && svg.contains(">trial</text>"))
    #expect(!svg.contains("NaN"))
    // The dots come after the line: on top of it.
    #expect(svg.range(of: "<polyline class=\"series\"")!.lowerBound < svg.range(of: "<circle class=\"series dot\"")!.lowerBound)
    #expect(svg.contains(">0</text>") && svg.contains(">4</text>") && !svg.contains(">-0.5</text>"))
  }

  @Test func valuesOverTwoDecadesGoOnALogAxis() {
    #expect(HistoryChart.scale(for: [0.01, 0.5, 2]) == .log)
    #expect(HistoryChart.scale(for: [0.1, 0.5, 2]) == .linear)
    #expect(HistoryChart.scale(for: [-1, 0.5, 200]) == .linear)
    #expect(HistoryChart.scale(for: []) == .linear)
  }

  @Test func aSingleTrialDrawsADot() {
    let svg = HistoryChart.chart(title: "h", objective: "loss", values: [ChartPoint(0, 0.3)], minimize: true).svg()
    #expect(svg.occurrences(of: "<circle class=\"series dot\"") == 1)
    #expect(!svg.contains("NaN") && !svg.contains(">no data<"))
  }
}
