import Foundation
import Testing
@testable import Charts

/// The same input gives the same bytes, equal to the stored file (`CRESCENT_UPDATE_FIXTURES=1`
/// rewrites it; review the difference).
@Suite struct DeterminismTests {
  static func sample() -> LineChart {
    let train = (1...8).map { ChartPoint(Double($0), 1 / Double($0)) }
    let val = (1...8).map { ChartPoint(Double($0), 1.2 / Double($0) + 0.05) }
    let band = (1...8).map { BandPoint(x: Double($0), mean: 0.8 / Double($0), spread: 0.05) }
    return LineChart(title: "loss", xAxis: Axis(title: "step", integer: true), yAxis: Axis(title: "loss", scale: .log),
                     marks: [.line(Line(name: "loss", points: train, colour: 0)),
                             .line(Line(name: "val_loss", points: val, colour: 0, stroke: .dashed)),
                             .band(Band(name: "seeds: loss", points: band, colour: 1))])
  }

  @Test func sameInputSameBytes() throws {
    let a = Self.sample().svg(id: "g"), b = Self.sample().svg(id: "g")
    #expect(a == b)
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/loss-chart.svg")
    if ProcessInfo.processInfo.environment["CRESCENT_UPDATE_FIXTURES"] == "1" {
      try a.write(to: fixture, atomically: true, encoding: .utf8)
    }
    let stored = try String(contentsOf: fixture, encoding: .utf8)
    #expect(a == stored)
  }
}
