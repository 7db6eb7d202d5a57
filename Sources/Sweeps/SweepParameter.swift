/// One parameter of a search space: the config key it sets (dotted for nested keys, as in
/// `with` overrides), its distribution, and the condition under which it is active.
public struct SweepParameter: Hashable, Sendable {
  /// Active only when the parameter `key` took one of `values` (a conditional parameter, such
  /// as `momentum` only when `optimizer` is "sgd").
  public struct Condition: Hashable, Sendable {
    public var key: String
    public var values: [SweepValue]
    public init(key: String, values: [SweepValue]) { self.key = key; self.values = values }
  }

  public var key: String
  public var distribution: Distribution
  public var condition: Condition?

  public init(key: String, distribution: Distribution, condition: Condition? = nil) {
    self.key = key
    self.distribution = distribution
    self.condition = condition
  }

  /// The text form: `lr=loguniform(0.0001, 0.1)`, `momentum=uniform(0.0, 0.99) if optimizer="sgd"`.
  public var description: String {
    var text = key + "=" + distribution.description
    if let condition {
      text += " if " + condition.key + "=" + (condition.values.count == 1 ? condition.values[0].description
                                               : "{" + condition.values.map(\.description).joined(separator: ", ") + "}")
    }
    return text
  }
}
