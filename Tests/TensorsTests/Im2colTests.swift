import Foundation
import Testing
@testable import Tensors

/// The unrolling kernels against their scalar twins: the window formula applied value by
/// value, with padding read as zero (unroll) and each window's entries summed back (fold).
@Suite struct Im2colTests {
  /// Geometries covering padding valid/same (even and odd splits), strides, dilation,
  /// non-square windows and one channel or several.
  static let geometries: [ConvGeometry] = [
    ConvGeometry(inH: 7, inW: 6, channels: 3, kh: 3, kw: 3, same: false)!,
    ConvGeometry(inH: 7, inW: 8, channels: 2, kh: 3, kw: 2, strideH: 2, strideW: 2, same: true)!,
    ConvGeometry(inH: 9, inW: 7, channels: 1, kh: 3, kw: 3, dilationH: 2, dilationW: 2, same: true)!,
    ConvGeometry(inH: 6, inW: 5, channels: 4, kh: 4, kw: 4, same: true)!,
    ConvGeometry(inH: 1, inW: 11, channels: 3, kh: 1, kw: 4, strideW: 3, same: true)!,
    ConvGeometry(inH: 8, inW: 6, channels: 2, kh: 2, kw: 3, dilationH: 2, same: false)!,
  ]

  static func index(_ g: ConvGeometry, _ oh: Int, _ ow: Int, _ i: Int, _ j: Int) -> (Int, Int)? {
    let ih = oh * g.strideH - g.padTop + i * g.dilationH, iw = ow * g.strideW - g.padLeft + j * g.dilationW
    return ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW ? (ih, iw) : nil
  }

  /// Scalar twin of `Im2col.unroll`.
  static func unrollTwin(_ g: ConvGeometry, n: Int, _ x: [Float]) -> [Float] {
    var cols = [Float](repeating: .nan, count: n * g.positions * g.patch)
    for b in 0..<n { for oh in 0..<g.outH { for ow in 0..<g.outW { for i in 0..<g.kh { for j in 0..<g.kw { for c in 0..<g.channels {
      let row = (b * g.outH + oh) * g.outW + ow, col = (i * g.kw + j) * g.channels + c
      cols[row * g.patch + col] = index(g, oh, ow, i, j).map { x[((b * g.inH + $0.0) * g.inW + $0.1) * g.channels + c] } ?? 0
    } } } } } }
    return cols
  }

  /// Scalar twin of `Im2col.fold`.
  static func foldTwin(_ g: ConvGeometry, n: Int, _ cols: [Float]) -> [Float] {
    var dx = [Float](repeating: 0, count: n * g.inputSize)
    for b in 0..<n { for oh in 0..<g.outH { for ow in 0..<g.outW { for i in 0..<g.kh { for j in 0..<g.kw { for c in 0..<g.channels {
      guard let (ih, iw) = index(g, oh, ow, i, j) else { continue }
      let row = (b * g.outH + oh) * g.outW + ow, col = (i * g.kw + j) * g.channels + c
      dx[((b * g.inH + ih) * g.inW + iw) * g.channels + c] += cols[row * g.patch + col]
    } } } } } }
    return dx
  }

  static func random(_ count: Int, seed: UInt64) -> [Float] {
    var r = RandomStream(seed: seed)
    return Tensor.randomNormal([count], stream: &r).scalars
  }

  @Test(arguments: 0..<geometries.count, [1, 2])
  func unrollEqualsTwin(_ k: Int, _ threads: Int) {
    let g = Self.geometries[k], n = 3
    let x = Self.random(n * g.inputSize, seed: UInt64(k))
    var cols = [Float](repeating: .nan, count: n * g.positions * g.patch)
    x.withUnsafeBufferPointer { xp in
      cols.withUnsafeMutableBufferPointer { Im2col.unroll(g, samples: n, x: xp.baseAddress!, cols: $0.baseAddress!, threads: threads) }
    }
    #expect(cols.map(\.bitPattern) == Self.unrollTwin(g, n: n, x).map(\.bitPattern))
  }

  @Test(arguments: 0..<geometries.count, [1, 2])
  func foldEqualsTwin(_ k: Int, _ threads: Int) {
    let g = Self.geometries[k], n = 3
    let cols = Self.random(n * g.positions * g.patch, seed: UInt64(100 + k))
    var dx = [Float](repeating: .nan, count: n * g.inputSize)
    cols.withUnsafeBufferPointer { cp in
      dx.withUnsafeMutableBufferPointer { Im2col.fold(g, samples: n, cols: cp.baseAddress!, dx: $0.baseAddress!, threads: threads) }
    }
    let want = Self.foldTwin(g, n: n, cols)
    // The kernel sums a value's windows in the twin's order, so the bits agree.
    #expect(dx.map(\.bitPattern) == want.map(\.bitPattern))
  }

  /// Keras's "same": ceil(in / stride) outputs, the odd padding after.
  @Test func sameGeometryFollowsKeras() {
    let g = ConvGeometry(inH: 6, inW: 5, channels: 1, kh: 4, kw: 4, same: true)!
    #expect((g.outH, g.outW, g.padTop, g.padLeft) == (6, 5, 1, 1))
    let s = ConvGeometry(inH: 7, inW: 8, channels: 1, kh: 3, kw: 2, strideH: 2, strideW: 2, same: true)!
    #expect((s.outH, s.outW, s.padTop, s.padLeft) == (4, 4, 1, 0))
    #expect(ConvGeometry(inH: 2, inW: 5, channels: 1, kh: 3, kw: 3, same: false) == nil)
  }

  /// Max and average pooling against direct loops over the window formula.
  @Test(arguments: [false, true])
  func poolingEqualsTwin(_ same: Bool) {
    let g = ConvGeometry(inH: 7, inW: 6, channels: 2, kh: 3, kw: 2, strideH: 2, strideW: 2, same: same)!, n = 2
    let x = Self.random(n * g.inputSize, seed: 7)
    var mx = [Float](repeating: .nan, count: n * g.positions * g.channels), av = mx
    var arg = [Int32](repeating: -1, count: mx.count)
    x.withUnsafeBufferPointer { xp in
      mx.withUnsafeMutableBufferPointer { o in arg.withUnsafeMutableBufferPointer { a in
        Pool.maxForward(g, samples: n, x: xp.baseAddress!, out: o.baseAddress!, argmax: a.baseAddress!)
      } }
      av.withUnsafeMutableBufferPointer { Pool.averageForward(g, samples: n, x: xp.baseAddress!, out: $0.baseAddress!) }
    }
    for b in 0..<n { for oh in 0..<g.outH { for ow in 0..<g.outW { for c in 0..<g.channels {
      var best = -Float.infinity, sum: Double = 0, count = 0
      for i in 0..<g.kh { for j in 0..<g.kw {
        guard let (ih, iw) = Self.index(g, oh, ow, i, j) else { continue }
        let v = x[((b * g.inH + ih) * g.inW + iw) * g.channels + c]
        best = max(best, v); sum += Double(v); count += 1
      } }
      let o = ((b * g.outH + oh) * g.outW + ow) * g.channels + c
      #expect(mx[o] == best)
      #expect(x[b * g.inputSize + Int(arg[o]) * g.channels + c] == best)
      #expect(abs(Double(av[o]) - sum / Double(count)) <= 1e-6)
    } } } }
  }
}
