/// Whether a study looks for the smallest or the largest objective value.
public enum Direction: String, Sendable, CaseIterable {
  case minimize
  case maximize

  /// Whether `a` is better than `b`.
  public func better(_ a: Double, than b: Double) -> Bool {
    self == .minimize ? a < b : a > b
  }
}
