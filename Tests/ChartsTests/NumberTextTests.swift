import Testing
@testable import Charts

@Suite struct NumberTextTests {
  @Test func fixedRoundsWithoutLocaleOrNegativeZero() {
    #expect(NumberText.fixed(0.1 + 0.2, decimals: 2) == "0.30")
    #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
    #expect(NumberText.fixed(-2.5, decimals: 0) == "-3")
    #expect(NumberText.fixed(1234.5678, decimals: 3) == "1234.568")
    #expect(NumberText.fixed(.nan, decimals: 2) == "NaN")
    #expect(NumberText.fixed(-.infinity, decimals: 2) == "-inf")
  }

  @Test func coordinatesHaveTwoDecimalsAtMost() {
    #expect(NumberText.coordinate(12.5) == "12.5")
    #expect(NumberText.coordinate(3) == "3")
    #expect(NumberText.coordinate(-1.25) == "-1.25")
    #expect(NumberText.coordinate(1.0 / 3) == "0.33")
  }

  @Test func cellsAndExponents() {
    #expect(NumberText.cell(0.87349) == "0.873")
    #expect(NumberText.cell(1.5e-5) == "1.5e-05")
    #expect(NumberText.cell(2_500_000) == "2.5e+06")
    #expect(NumberText.cell(0) == "0")
    #expect(NumberText.cell(120) == "120")
    #expect(NumberText.cell(-3) == "-3")
    #expect(NumberText.exponent(9.999e-5, digits: 2) == "1e-04")
    #expect(NumberText.tick(2e-5, step: 1e-5) == "2e-05")
    #expect(NumberText.tick(0.25, step: 0.05) == "0.25")
  }

  @Test func significantDigitsKeepSmallValuesReadable() {
    #expect(NumberText.significant(0.0031622776601683794, digits: 4) == "0.003162")
    #expect(NumberText.significant(0.2, digits: 4) == "0.2")
    #expect(NumberText.significant(256, digits: 4) == "256")
    #expect(NumberText.significant(-1234.5678, digits: 4) == "-1235")
    #expect(NumberText.significant(3.16e-5, digits: 3) == "3.16e-05")
    #expect(NumberText.significant(2.5e7, digits: 4) == "2.5e+07")
    #expect(NumberText.significant(.nan, digits: 4) == "NaN")
    #expect(NumberText.significant(0, digits: 4) == "0")
  }
}
