import CKernels

/// Reductions over raw row-major `Float` buffers.
///
/// Sums accumulate in Double. Whole-buffer sums add fixed blocks of ``block`` elements (each in
/// a fixed lane order) and combine the block sums in order; per-row and per-column results are
/// computed independently of how rows or columns are split. Results are therefore bit-identical
/// with any thread count (for a given ISA). max/min propagate NaN.
package enum Reduce {
  /// Elements per block of a whole-buffer sum.
  package static let block = 1 << 16

  /// What to reduce with.
  package enum Op: Sendable {
    case sum, mean, max, min
  }

  /// The sum of `count` floats, accumulated in Double.
  package static func sum(_ x: UnsafePointer<Float>, count: Int, threads: Int? = nil, isa: ck_isa? = nil) -> Double {
    precondition(count >= 0)  // cannot fail: callers pass the sizes of existing tensors
    if count == 0 { return 0 }
    let level = ElementwiseSplit.isa(isa)
    let k = (count + block - 1) / block
    if k == 1 { return ck_sum(level, x, count) }
    let t = ElementwiseSplit.threads(threads, elements: count, expensive: false)
    var partials = [Double](repeating: 0, count: k)
    partials.withUnsafeMutableBufferPointer { p in
      let base = p.baseAddress!  // cannot fail: an array has an address even when empty
      Parallel.forEach(k, threads: t) { i in
        let lo = i * block
        base[i] = ck_sum(level, x + lo, Swift.min(count, lo + block) - lo)
      }
    }
    var total = 0.0
    for s in partials { total += s }
    return total
  }

  /// The mean of `count` > 0 floats (Double).
  package static func mean(_ x: UnsafePointer<Float>, count: Int, threads: Int? = nil, isa: ck_isa? = nil) -> Double {
    precondition(count > 0, "mean of an empty buffer")  // cannot fail: Tensor.values refuses an empty mean first
    return sum(x, count: count, threads: threads, isa: isa) / Double(count)
  }

  /// The largest of `count` > 0 floats (NaN if any is NaN).
  package static func max(_ x: UnsafePointer<Float>, count: Int, threads: Int? = nil, isa: ck_isa? = nil) -> Float {
    extremum(x, count: count, isMax: true, threads: threads, isa: isa)
  }

  /// The smallest of `count` > 0 floats (NaN if any is NaN).
  package static func min(_ x: UnsafePointer<Float>, count: Int, threads: Int? = nil, isa: ck_isa? = nil) -> Float {
    extremum(x, count: count, isMax: false, threads: threads, isa: isa)
  }

  static func extremum(_ x: UnsafePointer<Float>, count: Int, isMax: Bool, threads: Int?, isa: ck_isa?) -> Float {
    precondition(count > 0, "max/min of an empty buffer")  // cannot fail: Tensor.values refuses an empty max/min first
    let level = ElementwiseSplit.isa(isa)
    let k = (count + block - 1) / block
    let t = ElementwiseSplit.threads(threads, elements: count, expensive: false)
    if k == 1 || t == 1 { return isMax ? ck_max(level, x, count) : ck_min(level, x, count) }
    var partials = [Float](repeating: 0, count: k)
    partials.withUnsafeMutableBufferPointer { p in
      let base = p.baseAddress!  // cannot fail: an array has an address even when empty
      Parallel.forEach(k, threads: t) { i in
        let lo = i * block, m = Swift.min(count, lo + block) - lo
        base[i] = isMax ? ck_max(level, x + lo, m) : ck_min(level, x + lo, m)
      }
    }
    return partials.withUnsafeBufferPointer { p in
      isMax ? ck_max(level, p.baseAddress!, k) : ck_min(level, p.baseAddress!, k)  // cannot fail: as above
    }
  }

  /// Reduces a `rows x cols` matrix along `axis`: 0 gives one value per column (`out` holds
  /// `cols` floats), 1 one value per row (`out` holds `rows` floats). mean divides the sum by
  /// the reduced length; max/min need that length > 0.
  package static func reduce(
    _ op: Op, _ x: UnsafePointer<Float>, rows: Int, cols: Int, axis: Int,
    out: UnsafeMutablePointer<Float>, threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(rows >= 0 && cols >= 0 && (axis == 0 || axis == 1))  // cannot fail: callers pass the sizes of existing tensors
    let outCount = axis == 0 ? cols : rows
    let reduced = axis == 0 ? rows : cols
    if outCount == 0 { return }
    if reduced == 0 {
      precondition(op == .sum || op == .mean, "max/min over an empty axis")  // cannot fail: Tensor.values refuses it first
      out.update(repeating: op == .sum ? 0 : .nan, count: outCount)
      return
    }
    let level = ElementwiseSplit.isa(isa)
    let red: ck_redop = op == .max ? CK_RED_MAX : op == .min ? CK_RED_MIN : CK_RED_SUM
    let t = ElementwiseSplit.threads(threads, elements: rows * cols, expensive: false)
    if axis == 0 {
      // column groups of 256 are independent: any split gives the same values
      let group = 256
      let k = (cols + group - 1) / group
      Parallel.forEach(k, threads: k > 1 ? t : 1) { i in
        let c0 = i * group, c1 = Swift.min(cols, c0 + group)
        ck_reduce_cols(level, red, x, rows, cols, c0, c1, out + c0)
      }
    } else {
      ElementwiseSplit.rows(rows, cols: cols, threads: t) { r0, nr in
        ck_reduce_rows(level, red, x + r0 * cols, nr, cols, out + r0)
      }
    }
    if op == .mean {
      let inv = Double(reduced)
      for i in 0..<outCount { out[i] = Float(Double(out[i]) / inv) }
    }
  }

  /// `out[r]` = the first column index of the largest value of row r of a `rows x cols`
  /// matrix (cols > 0); a NaN counts as the largest.
  package static func argmax(
    _ x: UnsafePointer<Float>, rows: Int, cols: Int, out: UnsafeMutablePointer<Int>,
    threads: Int? = nil, isa: ck_isa? = nil
  ) {
    precondition(rows >= 0 && cols > 0)  // cannot fail: callers pass a non-empty score matrix
    if rows == 0 { return }
    let level = ElementwiseSplit.isa(isa)
    let t = ElementwiseSplit.threads(threads, elements: rows * cols, expensive: false)
    ElementwiseSplit.rows(rows, cols: cols, threads: t) { r0, nr in
      ck_argmax_rows(level, x + r0 * cols, nr, cols, out + r0)
    }
  }
}
