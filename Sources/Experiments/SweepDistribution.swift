import Catalog
import Sweeps

/// One parameter's distribution as a script holds it (`sweep.loguniform(1e-4, 1e-1)`), with the
/// condition under which it is active (`{when = {optimizer = "sgd"}}`). `ex:sweep` turns a
/// table of them into a search space; the distribution was checked when it was made.
public final class SweepDistribution: CatalogObject {
  public static let typeName = "Distribution"
  public static let properties = [
    Property("text", .string, "the distribution as `--space` writes it: loguniform(0.0001, 0.1), int(16, 512, 16), choice(\"adam\", \"sgd\")"),
  ]

  public let distribution: Distribution
  /// The parameter it depends on and the values of it under which it is active (nil: always).
  public let condition: SweepParameter.Condition?

  public init(_ distribution: Distribution, condition: SweepParameter.Condition? = nil) {
    self.distribution = distribution
    self.condition = condition
  }

  public func property(_ name: String) -> Value? {
    name == "text" ? .string(distribution.description) : nil
  }

  /// `distribution.description`, with its condition: `uniform(0.0, 0.99) if optimizer="sgd"`.
  public var text: String {
    SweepParameter(key: "", distribution: distribution, condition: condition).description.dropFirst().description
  }
}
