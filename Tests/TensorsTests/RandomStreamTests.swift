import Testing
@testable import Tensors

@Suite struct RandomStreamTests {
  @Test func sameSeedSameNumbers() {
    var a = RandomStream(seed: 42), b = RandomStream(seed: 42)
    for _ in 0..<100 { #expect(a.next() == b.next()) }
  }

  @Test func namedStreamsAreIndependentOfEachOther() {
    var a = RandomStream(root: 1, name: "init"), b = RandomStream(root: 1, name: "shuffle")
    var c = RandomStream(root: 1, name: "init")
    let xa = (0..<8).map { _ in a.next() }, xb = (0..<8).map { _ in b.next() }
    #expect(xa != xb)
    // Drawing from another stream does not change this one's numbers.
    #expect(xa == (0..<8).map { _ in c.next() })
    var d1 = RandomStream(root: 2, name: "init").derived("x"), d2 = RandomStream(root: 2, name: "init").derived("x")
    #expect(d1.uniform() == d2.uniform())
  }

  @Test func uniformAndNormalMoments() {
    var s = RandomStream(seed: 7)
    let n = 200_000
    var sum = 0.0, sumSq = 0.0, minU: Float = 1, maxU: Float = 0
    for _ in 0..<n {
      let u = s.uniform()
      minU = min(minU, u); maxU = max(maxU, u)
      sum += Double(u); sumSq += Double(u) * Double(u)
    }
    #expect(minU >= 0 && maxU < 1)
    #expect(abs(sum / Double(n) - 0.5) < 0.005)
    #expect(abs(sumSq / Double(n) - sum * sum / Double(n * n) - 1.0 / 12) < 0.003)
    sum = 0; sumSq = 0
    for _ in 0..<n { let z = Double(s.normal()); sum += z; sumSq += z * z }
    #expect(abs(sum / Double(n)) < 0.01)
    #expect(abs(sumSq / Double(n) - 1) < 0.015)
  }

  @Test func integersAreUnbiasedAndInRange() {
    var s = RandomStream(seed: 3)
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<60_000 { counts[s.integer(below: 6)] += 1 }
    for c in counts { #expect(abs(c - 10_000) < 500) }
    var values = Array(0..<50)
    s.shuffle(&values)
    #expect(values.sorted() == Array(0..<50))
    #expect(values != Array(0..<50))
  }
}
