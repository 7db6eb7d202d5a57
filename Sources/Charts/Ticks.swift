import Foundation

/// Axis ticks on a 1-2-5 grid, and the domain rounded out to them.
public struct Ticks: Sendable, Equatable {
  /// The axis' range, from the first tick to the last.
  public let lower: Double
  public let upper: Double
  /// The tick values, ascending.
  public let values: [Double]
  /// The spacing the labels are written for (for a log axis, the smallest gap's order).
  public let step: Double

  public init(lower: Double, upper: Double, values: [Double], step: Double) {
    self.lower = lower; self.upper = upper; self.values = values; self.step = step
  }

  /// The smallest step of the form {1, 2, 5} x 10^k at least `span / target`.
  public static func niceStep(span: Double, target: Int) -> Double {
    let raw = span / Double(max(target, 1))
    guard raw.isFinite, raw > 0 else { return 1 }
    let k = Int(log10(raw).rounded(.down))
    for exponent in (k - 1)...(k + 1) {
      for m in [1.0, 2.0, 5.0] {
        let candidate = m * NumberText.pow10(exponent)
        if candidate >= raw * (1 - 1e-9) { return candidate }
      }
    }
    return 10 * NumberText.pow10(k + 1)
  }

  /// Ticks for data between `low` and `high` on a linear axis: about `target` intervals, the
  /// domain widened to whole steps. An empty span is widened by a tenth of the value (or by 1
  /// around 0); `integer` keeps the step at 1 or more (for steps and epochs).
  public static func linear(_ low: Double, _ high: Double, target: Int = 5, integer: Bool = false) -> Ticks {
    var lo = min(low, high), hi = max(low, high)
    if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
    // Beyond ±1e300 (near the largest double) the axis stops; such points lie outside it.
    lo = min(max(lo, -1e300), 1e300); hi = min(max(hi, -1e300), 1e300)
    if lo == hi {
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      lo -= pad; hi += pad
    }
    // Spans beyond the largest double: the two ends alone.
    guard (hi - lo).isFinite else { return Ticks(lower: lo, upper: hi, values: [lo, hi], step: hi) }
    var step = niceStep(span: hi - lo, target: target)
    if integer { step = max(step, 1) }
    let first = (lo / step + 1e-9).rounded(.down), last = (hi / step - 1e-9).rounded(.up)
    guard abs(first) < 1e15, abs(last) < 1e15, (first * step).isFinite, (last * step).isFinite else {
      return Ticks(lower: lo, upper: hi, values: [lo, hi], step: hi - lo)
    }
    let firstIndex = Int(first), lastIndex = max(Int(last), Int(first) + 1)
    let values = (firstIndex...lastIndex).map { value(index: $0, step: step) }
    return Ticks(lower: values[0], upper: values[values.count - 1], values: values, step: step)
  }

  /// `index * step` computed so that decimal steps give the decimal value (0.3, not
  /// 0.30000000000000004).
  static func value(index: Int, step: Double) -> Double {
    let k = Int(log10(step).rounded(.down))
    if k >= 0 { return Double(index) * step }
    let scale = NumberText.pow10(-k)
    return (Double(index) * (step * scale).rounded()) / scale
  }

  /// Ticks for positive data between `low` and `high` on a log axis. Within about two decades
  /// the ticks are 1, 2 and 5 times powers of ten and the domain is rounded out to them; wider,
  /// the domain is whole decades with a tick at every decade (every k-th past about six).
  public static func log(_ low: Double, _ high: Double) -> Ticks {
    var lo = min(low, high), hi = max(low, high)
    if !(lo > 0) || !hi.isFinite || !lo.isFinite { lo = 1; hi = 10 }
    lo = min(max(lo, 1e-300), 1e299); hi = min(max(hi, lo), 1e300)
    let grid = oneTwoFive(from: lo, to: hi)
    var lower = grid.last(where: { $0 <= lo * (1 + 1e-12) }) ?? grid[0]
    var upper = grid.first(where: { $0 >= hi * (1 - 1e-12) }) ?? grid[grid.count - 1]
    if lower == upper {
      let index = grid.firstIndex(of: lower)!
      lower = grid[max(index - 1, 0)]; upper = grid[min(index + 1, grid.count - 1)]
    }
    if log10(upper / lower) <= 2 + 1e-9 {
      let values = grid.filter { $0 >= lower * (1 - 1e-12) && $0 <= upper * (1 + 1e-12) }
      let smallest = values.first ?? lower
      return Ticks(lower: lower, upper: upper, values: values, step: NumberText.pow10(Int(log10(smallest).rounded(.down))))
    }
    let e0 = Int((log10(lo) + 1e-12).rounded(.down))
    var e1 = Int((log10(hi) - 1e-12).rounded(.up))
    if e1 <= e0 { e1 = e0 + 1 }
    let stride = max(1, Int((Double(e1 - e0) / 6).rounded(.up)))
    var exponents = Swift.stride(from: e0, through: e1, by: stride).map { $0 }
    if exponents.last! < e1 { exponents.append(exponents.last! + stride); e1 = exponents.last! }
    return Ticks(lower: NumberText.pow10(e0), upper: NumberText.pow10(e1), values: exponents.map(NumberText.pow10),
                 step: NumberText.pow10(e0))
  }

  /// 1, 2, 5 x 10^k covering a decade below `lo` to a decade above `hi`.
  static func oneTwoFive(from lo: Double, to hi: Double) -> [Double] {
    let e0 = Int(log10(lo).rounded(.down)) - 1, e1 = Int(log10(hi).rounded(.up)) + 1
    return (e0...e1).flatMap { e in [1.0, 2.0, 5.0].map { $0 * NumberText.pow10(e) } }
  }

  /// The label of each tick.
  public var labels: [String] { values.map { NumberText.tick($0, step: step) } }
}
