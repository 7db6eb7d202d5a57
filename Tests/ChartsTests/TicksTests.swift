import Testing
@testable import Charts

@Suite struct TicksTests {
  @Test func stepsAreOneTwoFiveTimesAPowerOfTen() {
    #expect(Ticks.niceStep(span: 1, target: 5) == 0.2)
    #expect(Ticks.niceStep(span: 7, target: 5) == 2)        // 1.4 -> 2
    #expect(Ticks.niceStep(span: 0.003, target: 5) == 0.001) // 0.0006 -> 0.001
    #expect(Ticks.niceStep(span: 30, target: 5) == 10)      // 6 -> 10
    #expect(Ticks.niceStep(span: 2.5, target: 5) == 0.5)
  }

  @Test func linearDomainIsRoundedOutToWholeSteps() {
    let t = Ticks.linear(0.13, 0.87)
    #expect(t.step == 0.2)
    #expect(t.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(t.lower == 0 && t.upper == 1)
    #expect(t.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
  }

  @Test func negativeAndDecimalRanges() {
    let t = Ticks.linear(-0.35, 0.12)   // span 0.47 -> step 0.1
    #expect(t.values == [-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2])
    #expect(t.labels == ["-0.4", "-0.3", "-0.2", "-0.1", "0", "0.1", "0.2"])
    let small = Ticks.linear(0.0012, 0.0031)   // span 0.0019 -> step 0.0005
    #expect(small.step == 0.0005)
    #expect(small.labels == ["0.001", "0.0015", "0.002", "0.0025", "0.003", "0.0035"])
  }

  @Test func aSingleValueIsWidenedAroundIt() {
    #expect(Ticks.linear(3, 3).values == [2.6, 2.8, 3, 3.2, 3.4])   // 3 ± 0.3, step 0.2
    #expect(Ticks.linear(0, 0).values == [-1, -0.5, 0, 0.5, 1])     // 0 ± 1, step 0.5
  }

  @Test func integerAxesKeepWholeSteps() {
    #expect(Ticks.linear(1, 7, integer: true).values == [0, 2, 4, 6, 8])
    #expect(Ticks.linear(1, 3, integer: true).values == [1, 2, 3])   // 0.5 would be the step
  }

  @Test func logTicksWithinTwoDecadesAreOneTwoFive() {
    let t = Ticks.log(0.03, 0.9)
    #expect(t.lower == 0.02 && t.upper == 1)
    #expect(t.values == [0.02, 0.05, 0.1, 0.2, 0.5, 1])
    #expect(t.labels == ["0.02", "0.05", "0.1", "0.2", "0.5", "1"])
    let exact = Ticks.log(5, 5)
    #expect(exact.values == [2, 5, 10])
  }

  @Test func logTicksOverManyDecadesAreDecades() {
    let t = Ticks.log(3e-5, 7)
    #expect(t.values == [1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10])
    #expect(t.labels == ["1e-05", "0.0001", "0.001", "0.01", "0.1", "1", "10"])
    let wide = Ticks.log(1e-9, 1e3)   // 12 decades: every second one
    #expect(wide.values == [1e-9, 1e-7, 1e-5, 1e-3, 0.1, 10, 1000])
  }
}
