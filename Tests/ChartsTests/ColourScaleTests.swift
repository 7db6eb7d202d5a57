import Testing
@testable import Charts

@Suite struct ColourScaleTests {
  @Test func endsMiddleAndBetweenStops() {
    #expect(ColourScale.colour(at: 0) == "#440154")
    #expect(ColourScale.colour(at: 1) == "#a0da39")
    #expect(ColourScale.colour(at: 0.5) == "#277f8e")   // the fourth of seven stops
    // Half way between the first two stops (0x44, 0x01, 0x54) and (0x46, 0x32, 0x7e): 0x45, 25.5 -> 26, 0x69.
    #expect(ColourScale.colour(at: 1.0 / 12) == "#451a69")
    #expect(ColourScale.colour(at: -3) == "#440154" && ColourScale.colour(at: 7) == "#a0da39")
  }

  @Test func valuesMapOntoTheirRange() {
    let scale = ColourScale(values: [10, .nan, 30, .infinity, 20])
    #expect(scale.lower == 10 && scale.upper == 30)
    #expect(scale.fraction(20) == 0.5 && scale.fraction(5) == 0 && scale.fraction(40) == 1)
    #expect(ColourScale(values: [4, 4]).fraction(4) == 0.5)   // equal ends: the middle, no division by zero
    #expect(scale.fraction(.nan) == 0.5)
  }
}
