import Testing
@testable import Reports

@Suite struct SeedBandTests {
  func points(_ pairs: [(Int, Double)]) -> [ReportPoint] { pairs.map { ReportPoint(step: $0.0, value: $0.1) } }

  /// Hand values, as numpy gives them: np.mean([1, 3, 2]) = 2, np.std([1, 3, 2]) = 0.816496580927726,
  /// np.std([0.5, 0.7, 0.9]) = 0.16329931618554522.
  @Test func meanAndPopulationStdOverTheSharedSteps() {
    let band = SeedBand.over([
      points([(1, 1.0), (2, 0.5), (3, 0.2)]),
      points([(1, 3.0), (2, 0.7)]),
      points([(1, 2.0), (2, 0.9), (3, 0.4), (4, 0.1)]),
    ])
    #expect(band.points.map(\.step) == [1, 2])
    #expect(band.points[0].mean == 2)
    #expect(abs(band.points[0].std - 0.816496580927726) < 1e-15)
    #expect(abs(band.points[1].mean - 0.7) < 1e-15)
    #expect(abs(band.points[1].std - 0.16329931618554522) < 1e-15)
    #expect(band.truncated)
    #expect(band.lastStep == 4)
    #expect(band.runCount == 3)
  }

  @Test func stepsAlignByNumberNotPosition() {
    let band = SeedBand.over([points([(2, 1), (4, 3)]), points([(4, 5), (2, 3)])])
    #expect(band.points == [.init(step: 2, mean: 2, std: 1), .init(step: 4, mean: 4, std: 1)])
    #expect(!band.truncated)
  }

  @Test func aNonFiniteValueMakesAGapAndALaterValueAtAStepWins() {
    let band = SeedBand.over([points([(1, 1), (2, .nan), (3, 1), (3, 2)]), points([(1, 3), (2, 1), (3, 4)])])
    #expect(band.points[1].mean.isNaN && band.points[1].std.isNaN)
    #expect(band.points[2] == .init(step: 3, mean: 3, std: 1))
  }

  @Test func noSeriesNoBand() {
    #expect(SeedBand.over([]).points.isEmpty)
  }
}
