import CKernels
import Foundation
import Testing
import TestSupport
@testable import Tensors

/// Every kernel against a Double/libm scalar twin, on awkward lengths, for every ISA the CPU has.
struct ElementwiseKernelTests {
  static let lengths = [1, 7, 15, 16, 17, 63, 65, 1001]
  static let shapes: [(Int, Int)] = [(3, 1001), (65, 7), (1, 1), (2, 17), (4, 16), (7, 63)]

  @Test func vectorMath() {
    checkKernel { isa in
      for n in Self.lengths {
        let x = ewInputs(n, seed: UInt64(n))
        var out = [Float](repeating: 0, count: n)
        let cases: [(Elementwise.UnaryOp, (Double) -> Double, Double)] = [
          (.exp, Foundation.exp, 3e-45), (.sigmoid, twinSigmoid, 3e-45),
          (.tanh, Foundation.tanh, 0), (.expm1, Foundation.expm1, 0),
          (.softplus, twinSoftplus, 3e-45),
        ]
        for (op, twin, atol) in cases {
          Elementwise.unary(op, x: x, out: &out, count: n, threads: 1, isa: isa)
          let bad = ewCompare(out, x.map { twin(Double($0)) }, rtol: 1e-6, atol: atol, inputs: x)
          #expect(bad.isEmpty, "\(op) isa \(isa.rawValue) n \(n): \(bad)")
        }
        // log and log1p on positive inputs spanning subnormals to huge
        var r = TestSupport.SplitMix64(seed: UInt64(n) + 99)
        var p = (0..<n).map { _ in Float(Foundation.exp(Double(r.uniform(-100, 88)))) }
        for (i, e) in [Float(1), 0, Float(bitPattern: 0x0001_1000), 1e-30, .infinity, 1 + 1e-6, 0.999_999, 1e30].enumerated() where i * 3 < n { p[i * 3] = e }
        Elementwise.log(x: p, out: &out, count: n, threads: 1, isa: isa)
        var bad = ewCompare(out, p.map { Foundation.log(Double($0)) }, rtol: 1e-6, atol: 1e-7, inputs: p)
        #expect(bad.isEmpty, "log isa \(isa.rawValue) n \(n): \(bad)")
        Elementwise.unary(.log1p, x: p, out: &out, count: n, threads: 1, isa: isa)
        bad = ewCompare(out, p.map { Foundation.log1p(Double($0)) }, rtol: 1e-6, atol: 0, inputs: p)
        #expect(bad.isEmpty, "log1p isa \(isa.rawValue) n \(n): \(bad)")
      }
    }
  }

  @Test func vectorMathSweep() {
    // a dense sweep of exp/sigmoid/tanh/log, checking the stated 1e-6 relative bound
    let n = 20_000
    let step = 192.0 / Double(n), lstep = 175.0 / Double(n)
    let x: [Float] = (0..<n).map { (i: Int) -> Float in Float(-104.0 + step * Double(i)) }
    let pos: [Float] = (0..<n).map { (i: Int) -> Float in Float(Foundation.exp(-87.0 + lstep * Double(i))) }
    var out = [Float](repeating: 0, count: n)
    checkKernel { isa in
      Elementwise.exp(x: x, out: &out, count: n, threads: 1, isa: isa)
      #expect(ewCompare(out, x.map { Foundation.exp(Double($0)) }, rtol: 1e-6, atol: 3e-45).isEmpty)
      Elementwise.sigmoid(x: x, out: &out, count: n, threads: 1, isa: isa)
      #expect(ewCompare(out, x.map { twinSigmoid(Double($0)) }, rtol: 1e-6, atol: 3e-45).isEmpty)
      Elementwise.tanh(x: x, out: &out, count: n, threads: 1, isa: isa)
      #expect(ewCompare(out, x.map { Foundation.tanh(Double($0)) }, rtol: 1e-6, atol: 0).isEmpty)
      Elementwise.log(x: pos, out: &out, count: n, threads: 1, isa: isa)
      #expect(ewCompare(out, pos.map { Foundation.log(Double($0)) }, rtol: 1e-6, atol: 1e-7).isEmpty)
    }
  }

  @Test func biasActivationForward() {
    checkKernel { isa in
      for (rows, cols) in Self.shapes {
        let z = ewInputs(rows * cols, seed: UInt64(rows * 1000 + cols))
        let bias = ewFloats(7, cols, -1, 1)
        for act in Activation.allCases {
          let alpha = act == .elu ? Float(0.7) : act.defaultAlpha
          for withBias in [false, true] {
            var out = [Float](repeating: .nan, count: rows * cols)
            Elementwise.biasActivation(act, alpha: alpha, z: z, bias: withBias ? bias : nil, out: &out,
                                       rows: rows, cols: cols, threads: 1, isa: isa)
            var want = [Double](repeating: 0, count: rows * cols)
            var inputs = [Float](repeating: 0, count: rows * cols)
            for r in 0..<rows {
              let pre = (0..<cols).map { c in Double(withBias ? z[r * cols + c] + bias[c] : z[r * cols + c]) }
              for c in 0..<cols { inputs[r * cols + c] = Float(pre[c]) }
              if act == .softmax {
                let s = twinSoftmaxRow(pre)
                for c in 0..<cols { want[r * cols + c] = s[c] }
              } else {
                for c in 0..<cols { want[r * cols + c] = twinActivation(act, pre[c], alpha: Double(alpha)) }
              }
            }
            let bad = ewCompare(out, want, rtol: 2e-6, atol: 1e-30, inputs: inputs)
            #expect(bad.isEmpty, "\(act) isa \(isa.rawValue) \(rows)x\(cols) bias \(withBias): \(bad)")
          }
        }
      }
    }
  }

  @Test func biasActivationInPlace() {
    let (rows, cols) = (3, 1001)
    let z = ewInputs(rows * cols, seed: 5)
    let bias = ewFloats(8, cols, -1, 1)
    checkKernel { isa in
      for act in Activation.allCases {
        var separate = [Float](repeating: 0, count: rows * cols)
        Elementwise.biasActivation(act, z: z, bias: bias, out: &separate, rows: rows, cols: cols, threads: 1, isa: isa)
        var inPlace = z
        inPlace.withUnsafeMutableBufferPointer { p in
          Elementwise.biasActivation(act, z: p.baseAddress!, bias: bias, out: p.baseAddress!,
                                     rows: rows, cols: cols, threads: 1, isa: isa)
        }
        #expect(inPlace == separate, "\(act) in place differs")
      }
    }
  }

  @Test func activationBackward() {
    checkKernel { isa in
      for (rows, cols) in Self.shapes {
        let n = rows * cols
        let z = ewInputs(n, seed: UInt64(n) + 3)
        let dy = ewFloats(11, n, -2, 2)
        for act in Activation.allCases {
          let alpha = act == .leaky_relu ? Float(0.05) : act.defaultAlpha
          var y = [Float](repeating: 0, count: n)
          Elementwise.biasActivation(act, alpha: alpha, z: z, bias: nil, out: &y, rows: rows, cols: cols, threads: 1, isa: isa)
          var want = [Double](repeating: 0, count: n)
          if act == .softmax {
            for r in 0..<rows {
              let o = r * cols
              var dot = 0.0
              for c in 0..<cols { dot += Double(y[o + c]) * Double(dy[o + c]) }
              for c in 0..<cols { want[o + c] = Double(y[o + c]) * (Double(dy[o + c]) - dot) }
            }
          } else {
            for i in 0..<n {
              let d: Double
              switch act {
              case .sigmoid: let s = Double(y[i]); d = s * (1 - s)
              case .tanh: let t = Double(y[i]); d = 1 - t * t
              default: d = twinDerivative(act, Double(z[i]), alpha: Double(alpha))
              }
              want[i] = Double(dy[i]) * d
            }
          }
          // both z and y given, then each alone where the activation allows it
          var variants: [(Bool, Bool)] = [(true, true)]
          if !act.backwardNeedsY { variants.append((true, false)) }
          if !act.backwardNeedsZ && act != .softplus && act != .elu && act != .selu { variants.append((false, true)) }
          for (useZ, useY) in variants {
            var dz = [Float](repeating: .nan, count: n)
            z.withUnsafeBufferPointer { zp in
              y.withUnsafeBufferPointer { yp in
                Elementwise.activationBackward(act, alpha: alpha, z: useZ ? zp.baseAddress : nil,
                                               y: useY ? yp.baseAddress : nil, dy: dy, dz: &dz,
                                               rows: rows, cols: cols, threads: 1, isa: isa)
              }
            }
            // from z alone sigmoid/tanh recompute y: compare against the derivative at z
            var w = want
            if !useY && (act == .sigmoid || act == .tanh) {
              w = (0..<n).map { Double(dy[$0]) * twinDerivative(act, Double(z[$0]), alpha: 0) }
            }
            let bad = ewCompare(dz, w, rtol: 2e-6, atol: 1e-6 * 2)
            #expect(bad.isEmpty, "\(act) backward isa \(isa.rawValue) \(rows)x\(cols) z \(useZ) y \(useY): \(bad)")
          }
        }
      }
    }
  }

  @Test func backwardFromOutputOnly() {
    // elu, selu and softplus can run backward from y alone (less accurate where y is near its
    // asymptote, so moderate inputs here)
    checkKernel { isa in
      for n in Self.lengths {
        let z = ewFloats(UInt64(n) + 5, n, -4, 8)
        let dy = ewFloats(UInt64(n) + 6, n, -2, 2)
        for act in [Activation.elu, .selu, .softplus] {
          var y = [Float](repeating: 0, count: n), dz = y
          Elementwise.biasActivation(act, z: z, bias: nil, out: &y, rows: 1, cols: n, threads: 1, isa: isa)
          Elementwise.activationBackward(act, z: nil, y: y, dy: dy, dz: &dz, rows: 1, cols: n, threads: 1, isa: isa)
          let want = (0..<n).map { Double(dy[$0]) * twinDerivative(act, Double(z[$0]), alpha: 1) }
          let bad = ewCompare(dz, want, rtol: 1e-5, atol: 1e-6)
          #expect(bad.isEmpty, "\(act) from y isa \(isa.rawValue) n \(n): \(bad)")
        }
      }
    }
  }

  @Test func sigmoidBCEMatchesTwin() {
    checkKernel { isa in
      for (rows, cols) in Self.shapes + [(1, 7), (1, 65), (5, 3)] {
        let n = rows * cols
        let z = ewInputs(n, seed: UInt64(n) + 17, -10, 10)
        var r = TestSupport.SplitMix64(seed: UInt64(n))
        let t: [Float] = (0..<n).map { _ in [Float(0), 1, 0.3][Int(r.next() % 3)] }
        let pw = r.floats(cols, 0.2, 3)
        for usePW in [false, true] {
          var grad = [Float](repeating: .nan, count: n)
          let loss = pw.withUnsafeBufferPointer { p in
            Elementwise.sigmoidBCE(logits: z, targets: t, posWeight: usePW ? p.baseAddress : nil, grad: &grad,
                                   rows: rows, cols: cols, threads: 1, isa: isa)
          }
          var sum = 0.0
          var want = [Double](repeating: 0, count: n)
          for i in 0..<n {
            let p = usePW ? Double(pw[i % cols]) : 1
            let zi = Double(z[i]), ti = Double(t[i])
            sum += twinBCE(zi, ti, p)
            want[i] = ((1 - ti) * twinSigmoid(zi) - p * ti * twinSigmoid(-zi)) / Double(n)
          }
          #expect(loss.isFinite)
          #expect(abs(loss - sum / Double(n)) <= 1e-6 * abs(sum / Double(n)) + 1e-12,
                  "BCE loss isa \(isa.rawValue) \(rows)x\(cols) pw \(usePW): \(loss) vs \(sum / Double(n))")
          let bad = ewCompare(grad, want, rtol: 2e-6, atol: 2e-7 / Double(n))
          #expect(bad.isEmpty, "BCE grad isa \(isa.rawValue) \(rows)x\(cols) pw \(usePW): \(bad)")
        }
        // without a gradient buffer the loss is the same
        let l1 = Elementwise.sigmoidBCE(logits: z, targets: t, grad: nil, rows: rows, cols: cols, threads: 1, isa: isa)
        var g = [Float](repeating: 0, count: n)
        let l2 = Elementwise.sigmoidBCE(logits: z, targets: t, grad: &g, rows: rows, cols: cols, threads: 1, isa: isa)
        #expect(l1 == l2)
        // the probabilities worked out on the way are the sigmoid activation's, bit for bit
        var probabilities = [Float](repeating: .nan, count: n), sigmoid = [Float](repeating: 0, count: n)
        let l3 = Elementwise.sigmoidBCE(logits: z, targets: t, grad: nil, probabilities: &probabilities, rows: rows, cols: cols,
                                        threads: 1, isa: isa)
        Elementwise.biasActivation(.sigmoid, z: z, bias: nil, out: &sigmoid, rows: rows, cols: cols, threads: 1, isa: isa)
        #expect(l3 == l1)
        #expect(probabilities.map(\.bitPattern) == sigmoid.map(\.bitPattern), "isa \(isa.rawValue) \(rows)x\(cols)")
      }
    }
  }

  /// The binary cross-entropy cells in double against libm's log: a few ulp, clipping at
  /// epsilon, both truths, scores near 0, 1/2 and 1, and every tail length.
  @Test func binaryCrossentropyTermsMatchLibm() {
    var r = TestSupport.SplitMix64(seed: 41)
    var scores: [Double] = [0, 1e-9, 1e-7, 2e-7, 0.25, 0.5, 0.5 + 1e-12, 0.7071067811865476, 1 - 1e-7, 1 - 1e-9, 1,
                            1 - 1.0 / 128, 0.9999, 1e-4]
    for _ in 0..<3000 { scores.append(Double(r.floats(1, 0, 1)[0])) }
    for _ in 0..<1000 { scores.append(1 - Double(r.floats(1, 0, 1e-3)[0])) }
    for _ in 0..<1000 { scores.append(Double(r.floats(1, 0, 1e-3)[0])) }
    let truths = scores.indices.map { Double($0 % 3 == 0 ? 1 : 0) }
    checkKernel { isa in
      for count in [scores.count, 1, 5, 17, 33] {
        var out = [Double](repeating: .nan, count: count)
        Elementwise.binaryCrossentropyTerms(truth: truths, scores: scores, epsilon: 1e-7, out: &out, count: count, isa: isa)
        for i in 0..<count {
          let p = min(max(scores[i], 1e-7), 1 - 1e-7)
          let want = -log(truths[i] != 0 ? p : 1 - p)
          #expect(abs(out[i] - want) <= 8 * want.ulp, "isa \(isa.rawValue) score \(scores[i]) truth \(truths[i]): \(out[i]) vs \(want)")
        }
      }
    }
  }

  @Test func binaryBroadcast() {
    let ops: [(Elementwise.BinaryOp, (Float, Float) -> Float)] = [
      (.add, +), (.sub, -), (.mul, *), (.div, /), (.max, { $0.isNaN || $0 > $1 ? $0 : $1 }),
      (.min, { $0.isNaN || $0 < $1 ? $0 : $1 }), (.rsub, { $1 - $0 }), (.rdiv, { $1 / $0 }),
    ]
    checkKernel { isa in
      for (rows, cols) in Self.shapes + [(7, 1)] {
        var a = ewFloats(UInt64(rows + cols), rows * cols, -3, 3)
        a[0] = Float.nan
        let bFull = ewFloats(3, rows * cols, 0.5, 2)
        let bRow = ewFloats(4, cols, 0.5, 2)
        let bCol = ewFloats(5, rows, -2, -0.5)
        let bScalar: [Float] = [1.5]
        for (op, f) in ops {
          for (bc, b) in [(Elementwise.Broadcast.full, bFull), (.row, bRow), (.column, bCol), (.scalar, bScalar)] {
            var out = [Float](repeating: 0, count: rows * cols)
            Elementwise.binary(op, a: a, b: b, broadcast: bc, out: &out, rows: rows, cols: cols, threads: 1, isa: isa)
            var ok = true
            for r in 0..<rows {
              for c in 0..<cols {
                let bv: Float
                switch bc {
                case .full: bv = b[r * cols + c]
                case .row: bv = b[c]
                case .column: bv = b[r]
                case .scalar: bv = b[0]
                }
                let w = f(a[r * cols + c], bv), g = out[r * cols + c]
                if !(w == g || (w.isNaN && g.isNaN)) { ok = false }
              }
            }
            #expect(ok, "\(op) \(bc) isa \(isa.rawValue) \(rows)x\(cols)")
          }
        }
        var out = [Float](repeating: 0, count: rows * cols)
        Elementwise.binary(.mul, a: a, scalar: -2, out: &out, count: rows * cols, threads: 1, isa: isa)
        #expect(zip(a, out).allSatisfy { $0 * -2 == $1 || $1.isNaN })
      }
    }
  }

  @Test func unaryAndComparisons() {
    checkKernel { isa in
      for n in Self.lengths {
        var x = ewInputs(n, seed: UInt64(n) * 7, -4, 4)
        if n > 5 { x[5] = .nan; x[4] = 2 }
        let exact: [(Elementwise.UnaryOp, (Float) -> Float)] = [
          (.neg, { -$0 }), (.abs, { Swift.abs($0) }), (.sqrt, { $0.squareRoot() }), (.square, { $0 * $0 }),
          (.relu, { $0.isNaN ? $0 : Swift.max($0, 0) }), (.reciprocal, { 1 / $0 }),
          (.pow(2), { $0 * $0 }), (.pow(0.5), { $0.squareRoot() }), (.pow(1), { $0 }), (.pow(0), { _ in 1 }),
          (.pow(-1), { 1 / $0 }), (.pow(3), { $0 * $0 * $0 }), (.pow(1.7), { Foundation.pow($0, 1.7) }),
        ]
        var out = [Float](repeating: 0, count: n)
        for (op, f) in exact {
          Elementwise.unary(op, x: x, out: &out, count: n, threads: 1, isa: isa)
          let ok = zip(x, out).allSatisfy { xi, o in let w = f(xi); return w == o || (w.isNaN && o.isNaN) }
          #expect(ok, "\(op) isa \(isa.rawValue) n \(n)")
        }
        let cmps: [(Elementwise.Comparison, (Float, Float) -> Bool)] = [
          (.gt, { $0 > $1 }), (.ge, { $0 >= $1 }), (.lt, { $0 < $1 }), (.le, { $0 <= $1 }), (.eq, { $0 == $1 }), (.ne, { $0 != $1 }),
        ]
        for (cmp, f) in cmps {
          Elementwise.compare(cmp, x: x, scalar: 2, out: &out, count: n, threads: 1, isa: isa)
          #expect(zip(x, out).allSatisfy { (f($0, 2) ? 1 : 0) == $1 }, "\(cmp) isa \(isa.rawValue) n \(n)")
        }
      }
    }
  }

  @Test func threadedMapsMatchSerial() {
    // large enough to split into slabs: results must equal the single-threaded ones
    let (rows, cols) = (300, 1001)
    let n = rows * cols
    let z = ewInputs(n, seed: 42)
    let bias = ewFloats(9, cols, -1, 1)
    let isa = availableISAs.last!
    for act in [Activation.gelu, .softmax, .relu] {
      var a = [Float](repeating: 0, count: n), b = a
      Elementwise.biasActivation(act, z: z, bias: bias, out: &a, rows: rows, cols: cols, threads: 1, isa: isa)
      Elementwise.biasActivation(act, z: z, bias: bias, out: &b, rows: rows, cols: cols, threads: 2, isa: isa)
      #expect(a == b, "\(act)")
      var da = a, db = a
      Elementwise.activationBackward(act, z: z, y: a, dy: z, dz: &da, rows: rows, cols: cols, threads: 1, isa: isa)
      Elementwise.activationBackward(act, z: z, y: a, dy: z, dz: &db, rows: rows, cols: cols, threads: 2, isa: isa)
      #expect(da == db, "\(act) backward")
    }
  }
}
