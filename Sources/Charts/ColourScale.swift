import Foundation

/// Colours for a continuous value (an objective value, a trial number): from dark purple
/// through blue and green to yellow-green, the lightest end short of yellow so that lines stay
/// visible on the plot area's grey. Lower values are darker; equal ends give the middle colour.
public struct ColourScale: Sendable, Equatable {
  public let lower: Double
  public let upper: Double

  /// A scale over the finite values' range (0...1 when there are none).
  public init(values: [Double]) {
    let finite = values.filter(\.isFinite)
    lower = finite.min() ?? 0; upper = finite.max() ?? 1
  }

  public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }

  /// Red, green, blue of the stops, evenly spaced from the lowest value to the highest.
  static let stops: [(Double, Double, Double)] = [
    (0x44, 0x01, 0x54), (0x46, 0x32, 0x7e), (0x36, 0x5c, 0x8d), (0x27, 0x7f, 0x8e),
    (0x1f, 0xa1, 0x87), (0x4a, 0xc1, 0x6d), (0xa0, 0xda, 0x39),
  ]

  /// Where `value` lies between the ends, 0...1 (clamped; 0.5 when the ends are equal, or for
  /// a value that is not finite).
  public func fraction(_ value: Double) -> Double {
    guard value.isFinite, upper > lower else { return 0.5 }
    // Halves keep the differences finite near the largest double.
    let t = (value / 2 - lower / 2) / (upper / 2 - lower / 2)
    return min(max(t, 0), 1)
  }

  /// The colour of `value`, `#rrggbb`.
  public func colour(_ value: Double) -> String { Self.colour(at: fraction(value)) }

  /// The colour at fraction `t` of the scale.
  public static func colour(at t: Double) -> String {
    let position = min(max(t, 0), 1) * Double(stops.count - 1)
    let i = min(Int(position), stops.count - 2)
    let f = position - Double(i)
    let a = stops[i], b = stops[i + 1]
    func channel(_ x: Double, _ y: Double) -> String {
      let v = Int((x + (y - x) * f).rounded())
      let hex = String(v, radix: 16)
      return hex.count < 2 ? "0" + hex : hex
    }
    return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
  }
}
