import Foundation

/// How an axis places values: linear or logarithmic.
public enum ScaleKind: String, Sendable, Equatable { case linear, log }

/// Maps data values in `lower...upper` onto drawing coordinates `start...end` (`end` may be
/// below `start`, as for a y axis that grows upwards).
public struct Scale: Sendable, Equatable {
  public let kind: ScaleKind
  public let lower: Double
  public let upper: Double
  public let start: Double
  public let end: Double

  public init(kind: ScaleKind, lower: Double, upper: Double, start: Double, end: Double) {
    self.kind = kind; self.lower = lower; self.upper = upper; self.start = start; self.end = end
  }

  /// Whether the value can be placed: finite, and positive on a log scale.
  public func canPlace(_ value: Double) -> Bool { value.isFinite && (kind == .linear || value > 0) }

  /// The coordinate of `value` (values outside the domain fall outside the range); nil for a
  /// value that cannot be placed.
  public func callAsFunction(_ value: Double) -> Double? {
    guard canPlace(value) else { return nil }
    let t: Double
    switch kind {
    // Halves are exact, and keep the differences finite near the largest double.
    case .linear: t = upper == lower ? 0.5 : (value / 2 - lower / 2) / (upper / 2 - lower / 2)
    case .log: t = upper == lower ? 0.5 : (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    }
    return start + t * (end - start)
  }
}
