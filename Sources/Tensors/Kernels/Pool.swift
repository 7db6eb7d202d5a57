/// Max and average pooling over channels-last windows (`ConvGeometry` with dilation 1), each
/// channel on its own: output `[n, outH, outW, channels]`.
///
/// Padding never wins a max and is not counted in an average (Keras's "same" pooling): an
/// average divides by the number of input values its window covers. Samples are spread over
/// threads, each writing only its own slab.
package enum Pool {
  /// Max pooling; `argmax[i]` receives the input cell (row · inW + column, within its sample)
  /// output i took, the first in window order among equal values. Inputs are finite
  /// (training refuses NaN before any step).
  package static func maxForward(_ g: ConvGeometry, samples n: Int, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                                 argmax: UnsafeMutablePointer<Int32>, threads: Int? = nil) {
    let c = g.channels, outSize = g.positions * c
    let t = Im2col.threadCount(threads, samples: n, values: n * g.inputSize)
    Parallel.forEach(n, threads: t) { b in
      let xs = x + b * g.inputSize
      var o = out + b * outSize, a = argmax + b * outSize
      for oh in 0..<g.outH {
        for ow in 0..<g.outW {
          var first = true
          let (hs, ws) = window(g, oh, ow)
          for ih in hs { for iw in ws {
            let cell = ih * g.inW + iw
            let s = xs + cell * c
            let index = Int32(truncatingIfNeeded: cell)
            if first {
              for k in 0..<c { o[k] = s[k]; a[k] = index }
              first = false
            } else {
              maxStep(s, o, a, index, c)
            }
          } }
          o += c; a += c
        }
      }
    }
  }

  /// o, a ← where s[k] > o[k]: s[k] and `index`, eight channels at a time (explicit vectors:
  /// the compiler cannot prove the three buffers apart).
  @inline(__always)
  static func maxStep(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ a: UnsafeMutablePointer<Int32>,
                      _ index: Int32, _ c: Int) {
    var k = 0
    while k + 8 <= c {
      let v = UnsafeRawPointer(s + k).loadUnaligned(as: SIMD8<Float>.self)
      let cur = UnsafeRawPointer(o + k).loadUnaligned(as: SIMD8<Float>.self)
      let better = cur .< v
      UnsafeMutableRawPointer(o + k).storeBytes(of: cur.replacing(with: v, where: better), as: SIMD8<Float>.self)
      let ca = UnsafeRawPointer(a + k).loadUnaligned(as: SIMD8<Int32>.self)
      UnsafeMutableRawPointer(a + k).storeBytes(of: ca.replacing(with: index, where: better), as: SIMD8<Int32>.self)
      k += 8
    }
    while k < c {
      if s[k] > o[k] { o[k] = s[k]; a[k] = index }
      k += 1
    }
  }

  /// dx ← the gradient of max pooling: each output's gradient added at the input it took.
  package static func maxBackward(_ g: ConvGeometry, samples n: Int, dy: UnsafePointer<Float>, argmax: UnsafePointer<Int32>,
                                  dx: UnsafeMutablePointer<Float>, threads: Int? = nil) {
    let c = g.channels, outSize = g.positions * c
    let t = Im2col.threadCount(threads, samples: n, values: n * g.inputSize)
    Parallel.forEach(n, threads: t) { b in
      let d = dx + b * g.inputSize
      d.update(repeating: 0, count: g.inputSize)
      var gy = dy + b * outSize, a = argmax + b * outSize
      for _ in 0..<g.positions {
        for k in 0..<c { d[Int(a[k]) * c + k] += gy[k] }
        gy += c; a += c
      }
    }
  }

  /// Average pooling over the input values each window covers.
  package static func averageForward(_ g: ConvGeometry, samples n: Int, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                                     threads: Int? = nil) {
    let c = g.channels, outSize = g.positions * c
    let t = Im2col.threadCount(threads, samples: n, values: n * g.inputSize)
    Parallel.forEach(n, threads: t) { b in
      let xs = x + b * g.inputSize
      var o = out + b * outSize
      for oh in 0..<g.outH {
        for ow in 0..<g.outW {
          o.update(repeating: 0, count: c)
          let (hs, ws) = window(g, oh, ow)
          for ih in hs { for iw in ws {
            let s = xs + (ih * g.inW + iw) * c
            for k in 0..<c { o[k] += s[k] }
          } }
          let scale = 1 / Float(max(hs.count * ws.count, 1))
          for k in 0..<c { o[k] *= scale }
          o += c
        }
      }
    }
  }

  /// dx ← the gradient of average pooling: each output's gradient shared among its inputs.
  package static func averageBackward(_ g: ConvGeometry, samples n: Int, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                                      threads: Int? = nil) {
    let c = g.channels, outSize = g.positions * c
    let t = Im2col.threadCount(threads, samples: n, values: n * g.inputSize)
    Parallel.forEach(n, threads: t) { b in
      let d = dx + b * g.inputSize
      d.update(repeating: 0, count: g.inputSize)
      var gy = dy + b * outSize
      for oh in 0..<g.outH {
        for ow in 0..<g.outW {
          let (hs, ws) = window(g, oh, ow)
          let scale = 1 / Float(max(hs.count * ws.count, 1))
          for ih in hs { for iw in ws {
            let s = d + (ih * g.inW + iw) * c
            for k in 0..<c { s[k] += gy[k] * scale }
          } }
          gy += c
        }
      }
    }
  }

  /// The input rows and columns window (oh, ow) covers, padding left out.
  @inline(__always)
  static func window(_ g: ConvGeometry, _ oh: Int, _ ow: Int) -> (Range<Int>, Range<Int>) {
    let ih0 = oh * g.strideH - g.padTop, iw0 = ow * g.strideW - g.padLeft
    let h = max(ih0, 0)..<max(min(ih0 + g.kh, g.inH), max(ih0, 0))
    let w = max(iw0, 0)..<max(min(iw0 + g.kw, g.inW), max(iw0, 0))
    return (h, w)
  }
}
