import Catalog

/// What a sweep searches: parameters over config keys, the objective (a metric the run logs, or
/// a key of its result) and whether to minimize or maximize it.
public struct SearchSpace: Hashable, Sendable {
  public var parameters: [SweepParameter]
  public var objective: String
  public var direction: Direction

  public init(parameters: [SweepParameter], objective: String, direction: Direction) {
    self.parameters = parameters
    self.objective = objective
    self.direction = direction
  }

  /// Checks every distribution, that keys are not repeated, that each condition names an
  /// earlier choice parameter and values it can take, and, given the config's keys (dotted),
  /// that each parameter sets one of them: an unknown key is an error naming the nearest one.
  public func validate(configKeys: [String]?) throws {
    guard !parameters.isEmpty else { throw SweepError("the search space has no parameters") }
    guard !objective.isEmpty else { throw SweepError("the sweep has no objective (the metric to optimise, such as \"val_f1_micro\")") }
    var seen: [String: SweepParameter] = [:]
    for p in parameters {
      guard seen[p.key] == nil else { throw SweepError("sweep parameter '\(p.key)' is given twice") }
      try p.distribution.validate(name: p.key)
      if let keys = configKeys, !keys.contains(p.key) {
        let hint = Suggest.closest(to: p.key, among: keys).map { " (did you mean '\($0)'?)" } ?? ""
        throw SweepError("sweep parameter '\(p.key)' is not a key of the experiment's config\(hint); keys are: \(keys.joined(separator: ", "))")
      }
      if let c = p.condition {
        guard let parent = seen[c.key] else {
          throw SweepError("sweep parameter '\(p.key)': its condition names '\(c.key)', which is not a parameter listed before it")
        }
        guard case .choice(let options) = parent.distribution else {
          throw SweepError("sweep parameter '\(p.key)': its condition names '\(c.key)', which is not a choice")
        }
        for v in c.values where !options.contains(v) {
          throw SweepError("sweep parameter '\(p.key)': '\(c.key)' never takes \(v); its options are \(options.map(\.description).joined(separator: ", "))")
        }
      }
      seen[p.key] = p
    }
  }

  /// The parameters active under the values chosen so far (`params`, internal form), in order:
  /// a conditional parameter is active when its parent is active and took one of its values.
  public func isActive(_ p: SweepParameter, given params: [String: Double]) -> Bool {
    guard let c = p.condition else { return true }
    guard let parent = parameters.first(where: { $0.key == c.key }), let x = params[c.key] else { return false }
    return c.values.contains(parent.distribution.external(x))
  }

  /// The overrides a trial applies: each active parameter's key and value.
  public func values(of params: [String: Double]) -> [(key: String, value: SweepValue)] {
    parameters.compactMap { p in params[p.key].map { (p.key, p.distribution.external($0)) } }
  }

  /// The text form, one parameter a line, then the objective: what a study stores to tell a
  /// rerun of the same sweep from a different one.
  public var description: String {
    (parameters.map(\.description) + ["\(direction.rawValue) \(objective)"]).joined(separator: "\n")
  }
}
