import Testing
@testable import Charts

@Suite struct ScaleTests {
  @Test func linearMapsOntoTheRange() {
    let s = Scale(kind: .linear, lower: 0, upper: 10, start: 100, end: 300)
    #expect(s(5) == 200)
    #expect(s(0) == 100)
    #expect(s(12.5) == 350)   // outside the domain, outside the range
    let y = Scale(kind: .linear, lower: -1, upper: 1, start: 340, end: 40)
    #expect(y(0.5) == 115)
  }

  @Test func logMapsDecadesEvenly() {
    let s = Scale(kind: .log, lower: 1, upper: 100, start: 0, end: 200)
    #expect(s(10)! == 100)
    #expect(abs(s(2)! - 200 * 0.3010299956639812 / 2) < 1e-9)
  }

  @Test func unplaceableValuesHaveNoCoordinate() {
    let lin = Scale(kind: .linear, lower: 0, upper: 1, start: 0, end: 1)
    let log = Scale(kind: .log, lower: 1, upper: 10, start: 0, end: 1)
    #expect(lin(.nan) == nil)
    #expect(lin(.infinity) == nil)
    #expect(lin(-3) != nil)
    #expect(log(0) == nil)
    #expect(log(-1) == nil)
  }
}
