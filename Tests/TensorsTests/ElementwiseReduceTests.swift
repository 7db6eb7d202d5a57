import CKernels
import Foundation
import Testing
import TestSupport
@testable import Tensors

/// Reductions against scalar twins, and thread-count independence of reductions and BCE.
struct ElementwiseReduceTests {
  @Test func wholeBuffer() {
    checkKernel { isa in
      for n in ElementwiseKernelTests.lengths + [70_000] {
        var x = ewFloats(UInt64(n), n, -5, 5)
        x[n / 2] = 7.5
        x[n - 1] = -9
        let s = Reduce.sum(x, count: n, threads: 1, isa: isa)
        let want: Double = x.reduce(0.0) { (a: Double, v: Float) -> Double in a + Double(v) }
        let scale: Double = x.reduce(0.0) { (acc: Double, v: Float) -> Double in acc + Swift.abs(Double(v)) }
        let tol: Double = 1e-12 * Swift.max(1.0, scale)
        #expect(Swift.abs(s - want) <= tol)
        let mean = Reduce.mean(x, count: n, threads: 1, isa: isa)
        #expect(Swift.abs(mean - want / Double(n)) <= tol / Double(n))
        #expect(Reduce.max(x, count: n, threads: 1, isa: isa) == x.max()!)
        #expect(Reduce.min(x, count: n, threads: 1, isa: isa) == x.min()!)
      }
      var x: [Float] = [1, 2, .nan, 3]
      #expect(Reduce.max(x, count: 4, threads: 1, isa: isa).isNaN)
      #expect(Reduce.min(x, count: 4, threads: 1, isa: isa).isNaN)
      x = [-.infinity]
      #expect(Reduce.max(x, count: 1, threads: 1, isa: isa) == -.infinity)
    }
  }

  @Test func axes() {
    checkKernel { isa in
      for (rows, cols) in ElementwiseKernelTests.shapes + [(5, 300), (2, 1)] {
        let x = ewFloats(UInt64(rows * 31 + cols), rows * cols, -5, 5)
        for op in [Reduce.Op.sum, .mean, .max, .min] {
          for axis in [0, 1] {
            let count = axis == 0 ? cols : rows
            var out = [Float](repeating: .nan, count: count)
            Reduce.reduce(op, x, rows: rows, cols: cols, axis: axis, out: &out, threads: 1, isa: isa)
            var ok = true
            for o in 0..<count {
              var vals: [Float] = []
              if axis == 0 { for r in 0..<rows { vals.append(x[r * cols + o]) } } else { for c in 0..<cols { vals.append(x[o * cols + c]) } }
              let want: Float
              switch op {
              case .sum: want = Float(vals.reduce(0.0) { (a: Double, v: Float) -> Double in a + Double(v) })
              case .mean:
                let s: Double = vals.reduce(0.0) { (a: Double, v: Float) -> Double in a + Double(v) }
                want = Float(s) / Float(vals.count)
              case .max: want = vals.max()!
              case .min: want = vals.min()!
              }
              if abs(out[o] - want) > 2 * want.ulp { ok = false }
            }
            #expect(ok, "\(op) axis \(axis) isa \(isa.rawValue) \(rows)x\(cols)")
          }
        }
        var idx = [Int](repeating: -1, count: rows)
        var y = x
        if cols > 3 { y[cols - 1] = 9; y[2] = 9 }  // tie in row 0: first index wins
        Reduce.argmax(y, rows: rows, cols: cols, out: &idx, threads: 1, isa: isa)
        for r in 0..<rows {
          let row = Array(y[r * cols..<(r + 1) * cols])
          #expect(idx[r] == row.firstIndex(of: row.max()!)!)
        }
      }
    }
  }

  @Test func deterministicAcrossThreads() {
    let (rows, cols) = (700, 1000)  // 700K elements: above every parallel threshold
    let n = rows * cols
    let x = ewFloats(2024, n, -3, 3)
    let t = ewFloats(2025, n, 0, 1).map { $0 > 0.5 ? Float(1) : 0 }
    let pw = ewFloats(2026, cols, 0.5, 2)
    checkKernel { isa in
      let s1 = Reduce.sum(x, count: n, threads: 1, isa: isa)
      let s2 = Reduce.sum(x, count: n, threads: 2, isa: isa)
      #expect(s1.bitPattern == s2.bitPattern)
      for axis in [0, 1] {
        let count = axis == 0 ? cols : rows
        var a = [Float](repeating: 0, count: count), b = a
        Reduce.reduce(.sum, x, rows: rows, cols: cols, axis: axis, out: &a, threads: 1, isa: isa)
        Reduce.reduce(.sum, x, rows: rows, cols: cols, axis: axis, out: &b, threads: 2, isa: isa)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "axis \(axis)")
      }
      #expect(Reduce.max(x, count: n, threads: 1, isa: isa) == Reduce.max(x, count: n, threads: 2, isa: isa))
      var g1 = [Float](repeating: 0, count: n), g2 = g1
      let l1 = pw.withUnsafeBufferPointer { p in
        Elementwise.sigmoidBCE(logits: x, targets: t, posWeight: p.baseAddress, grad: &g1, rows: rows, cols: cols, threads: 1, isa: isa)
      }
      let l2 = pw.withUnsafeBufferPointer { p in
        Elementwise.sigmoidBCE(logits: x, targets: t, posWeight: p.baseAddress, grad: &g2, rows: rows, cols: cols, threads: 2, isa: isa)
      }
      #expect(l1.bitPattern == l2.bitPattern)
      #expect(g1 == g2)
    }
  }
}
