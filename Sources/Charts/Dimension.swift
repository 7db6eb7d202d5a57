/// One axis of values a trial can take: numbers on a linear axis (whole numbers, optionally),
/// numbers on a log axis, or categories. A value on a categorical axis is the category's index.
public struct Dimension: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case linear(integer: Bool)
    case log
    /// The categories, spaced evenly along the axis in this order.
    case categories([String])
  }

  public var title: String
  public var kind: Kind
  /// A numeric range the axis always shows (such as the range searched), besides the values.
  public var range: ClosedRange<Double>?

  public init(title: String, kind: Kind, range: ClosedRange<Double>? = nil) {
    self.title = title; self.kind = kind; self.range = range
  }

  /// The title with its scale: `lr (log)`.
  public var label: String { kind == .log ? "\(title) (log)" : title }

  /// Whether the axis can place `value`: finite, positive on a log axis, a category's index.
  public func canPlace(_ value: Double) -> Bool {
    switch kind {
    case .linear: value.isFinite
    case .log: value.isFinite && value > 0
    case .categories(let names): value.isFinite && value >= 0 && value < Double(names.count) && value == value.rounded()
    }
  }
}

/// A dimension laid along drawing coordinates `start...end`: its ticks, and the coordinate of a
/// value. A numeric axis is rounded out to its ticks (as `LineChart`'s are); the categories of
/// a categorical one sit at the middles of equal stretches.
public struct DimensionScale: Sendable, Equatable {
  public struct Tick: Sendable, Equatable {
    public var position: Double
    /// The label, and the full text when the label is cut.
    public var label: String
    public var full: String
  }

  public let dimension: Dimension
  public let start: Double
  public let end: Double
  /// The numeric scale; nil for categories.
  public let scale: Scale?
  public let ticks: [Tick]

  /// The axis for `values` (values it cannot place are ignored); `labelCharacters` cuts long
  /// category names.
  public init(_ dimension: Dimension, values: [Double], start: Double, end: Double, labelCharacters: Int = 12) {
    self.dimension = dimension; self.start = start; self.end = end
    switch dimension.kind {
    case .categories(let names):
      scale = nil
      let n = Double(max(names.count, 1))
      ticks = names.enumerated().map { i, name in
        Tick(position: start + (Double(i) + 0.5) / n * (end - start), label: Markup.shortened(name, to: labelCharacters), full: name)
      }
    case .linear(let integer):
      var shown = values.filter(dimension.canPlace)
      if let r = dimension.range, r.lowerBound.isFinite, r.upperBound.isFinite { shown += [r.lowerBound, r.upperBound] }
      let t = Ticks.linear(shown.min() ?? 0, shown.max() ?? 1, target: 5, integer: integer)
      let s = Scale(kind: .linear, lower: t.lower, upper: t.upper, start: start, end: end)
      scale = s
      ticks = zip(t.values, t.labels).map { Tick(position: s($0)!, label: $1, full: $1) }
    case .log:
      var shown = values.filter(dimension.canPlace)
      if let r = dimension.range, r.lowerBound > 0, r.upperBound.isFinite { shown += [r.lowerBound, r.upperBound] }
      let t = Ticks.log(shown.min() ?? 1, shown.max() ?? 10)
      let s = Scale(kind: .log, lower: t.lower, upper: t.upper, start: start, end: end)
      scale = s
      ticks = zip(t.values, t.labels).map { Tick(position: s($0)!, label: $1, full: $1) }
    }
  }

  /// The coordinate of `value`; nil for a value the axis cannot place.
  public func position(_ value: Double) -> Double? {
    guard dimension.canPlace(value) else { return nil }
    if let scale { return scale(value) }
    guard case .categories(let names) = dimension.kind else { return nil }
    return start + (value + 0.5) / Double(names.count) * (end - start)
  }
}
