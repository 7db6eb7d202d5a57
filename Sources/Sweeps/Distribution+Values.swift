extension Distribution {
  /// The largest value the distribution takes, in internal form: the high end, or the last
  /// point of the step grid below it, or the last option's index.
  public var upper: Double {
    switch self {
    case .uniform(_, let high, nil), .logUniform(_, let high): return high
    case .uniform, .integer, .choice: return RandomSampler.internalValue(of: self, at: (count ?? 1) - 1)
    }
  }

  /// Every value of a finite distribution (internal form), in order; nil for a continuous one.
  public var finiteValues: [Double]? {
    guard let n = count else { return nil }
    return (0..<n).map { RandomSampler.internalValue(of: self, at: $0) }
  }
}
