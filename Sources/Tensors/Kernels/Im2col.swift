/// Unrolls channels-last windows into the rows of a matrix, so that a convolution is one GEMM
/// against its kernel stored `[kh, kw, in, out]` (read as `[kh·kw·in, out]`), and folds such a
/// matrix back, summing, for the gradient of the input.
///
/// The matrix has one row per (sample, output row, output column), in that order, and
/// `geometry.patch` columns ordered (kernel row, kernel column, channel): the same order as
/// the kernel's rows, and an output laid out `[n, outH, outW, filters]`. Padding reads as 0.
/// Samples are independent: they are spread over threads, each writing its own rows (or its
/// own slab of the input gradient), so results do not depend on the thread count.
package enum Im2col {
  /// Below about this many values moved a second thread costs more than it saves.
  static let parallelValues = 1 << 16

  static func threadCount(_ requested: Int?, samples n: Int, values: Int) -> Int {
    values < parallelValues ? 1 : min(requested ?? Parallel.maxThreads, n)
  }

  /// `cols[n·positions, patch]` ← the windows of `x[n, inH, inW, channels]`.
  package static func unroll(_ g: ConvGeometry, samples n: Int, x: UnsafePointer<Float>, cols: UnsafeMutablePointer<Float>,
                             threads: Int? = nil) {
    let t = threadCount(threads, samples: n, values: n * g.positions * g.patch)
    Parallel.forEach(n, threads: t) { b in
      unrollSample(g, x: x + b * g.inputSize, cols: cols + b * g.positions * g.patch)
    }
  }

  /// `dx[n, inH, inW, channels]` ← the sum, over every window covering each input value, of
  /// its entries in `cols` (the transpose of `unroll`). With `accumulate`, adds to dx.
  package static func fold(_ g: ConvGeometry, samples n: Int, cols: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                           accumulate: Bool = false, threads: Int? = nil) {
    let t = threadCount(threads, samples: n, values: n * g.positions * g.patch)
    Parallel.forEach(n, threads: t) { b in
      let out = dx + b * g.inputSize
      if !accumulate { out.update(repeating: 0, count: g.inputSize) }
      foldSample(g, cols: cols + b * g.positions * g.patch, dx: out)
    }
  }

  static func unrollSample(_ g: ConvGeometry, x: UnsafePointer<Float>, cols: UnsafeMutablePointer<Float>) {
    let c = g.channels, rowSpan = g.kw * c
    var row = cols
    for oh in 0..<g.outH {
      let ih0 = oh * g.strideH - g.padTop
      for ow in 0..<g.outW {
        let iw0 = ow * g.strideW - g.padLeft
        // Columns wholly inside with no dilation: each kernel row is one contiguous run.
        let contiguous = g.dilationW == 1 && iw0 >= 0 && iw0 + g.kw <= g.inW
        for i in 0..<g.kh {
          let ih = ih0 + i * g.dilationH
          let dst = row + i * rowSpan
          guard ih >= 0 && ih < g.inH else {
            dst.update(repeating: 0, count: rowSpan)
            continue
          }
          let src = x + (ih * g.inW) * c
          if contiguous {
            dst.update(from: src + iw0 * c, count: rowSpan)
            continue
          }
          for j in 0..<g.kw {
            let iw = iw0 + j * g.dilationW
            if iw >= 0 && iw < g.inW {
              (dst + j * c).update(from: src + iw * c, count: c)
            } else {
              (dst + j * c).update(repeating: 0, count: c)
            }
          }
        }
        row += g.patch
      }
    }
  }

  static func foldSample(_ g: ConvGeometry, cols: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>) {
    let c = g.channels, rowSpan = g.kw * c
    var row = cols
    for oh in 0..<g.outH {
      let ih0 = oh * g.strideH - g.padTop
      for ow in 0..<g.outW {
        let iw0 = ow * g.strideW - g.padLeft
        let contiguous = g.dilationW == 1 && iw0 >= 0 && iw0 + g.kw <= g.inW
        for i in 0..<g.kh {
          let ih = ih0 + i * g.dilationH
          guard ih >= 0 && ih < g.inH else { continue }
          let src = row + i * rowSpan
          let dst = dx + (ih * g.inW) * c
          if contiguous {
            let d = dst + iw0 * c
            for k in 0..<rowSpan { d[k] += src[k] }
            continue
          }
          for j in 0..<g.kw {
            let iw = iw0 + j * g.dilationW
            guard iw >= 0 && iw < g.inW else { continue }
            let d = dst + iw * c, s = src + j * c
            for k in 0..<c { d[k] += s[k] }
          }
        }
        row += g.patch
      }
    }
  }
}
