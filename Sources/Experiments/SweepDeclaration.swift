import Catalog
import Sweeps

/// What `ex:sweep{...}` declares, read into a search space: every field but `objective` and
/// `direction` is a parameter (a dotted key reaches a nested config key, as `with` overrides
/// do) whose value is a distribution (`sweep.uniform`, ...). A Lua table keeps no order, so
/// parameters are sorted by key, with a conditional parameter after the one it depends on.
public enum SweepDeclaration {
  /// The fields that are not parameters.
  public static let settings = ["objective", "direction"]

  /// The search space `table` declares, checked (distributions, conditions, objective,
  /// direction) but not against the config's keys, which are known only once the config is
  /// built (`ExperimentDeclaration.checkSweep`).
  public static func space(from table: Value) throws -> SearchSpace {
    let pairs: [(key: String, value: Value)]
    switch table {
    case .table(let p): pairs = p
    case .list(let items) where items.isEmpty: pairs = []
    default:
      throw SweepError("ex:sweep expects a table of parameters, each a config key = a distribution (lr = sweep.loguniform(1e-4, 1e-1)), with objective = \"...\" and direction = \"minimize\" or \"maximize\"; got \(table.summary)")
    }
    var objective: String?
    var direction: Direction?
    var parameters: [SweepParameter] = []
    for (key, value) in pairs {
      switch key {
      case "objective":
        guard case .string(let s) = value, !s.isEmpty else {
          throw SweepError("ex:sweep: objective must be the name of the metric to optimise (such as \"val_f1_micro\"), got \(value.summary)")
        }
        objective = s
      case "direction":
        guard case .string(let s) = value, let d = Direction(rawValue: s) else {
          throw SweepError("ex:sweep: direction must be \"minimize\" or \"maximize\", got \(value.summary)")
        }
        direction = d
      default:
        guard case .object(let o) = value, let dist = o as? SweepDistribution else {
          throw SweepError("ex:sweep: parameter '\(key)' must be a distribution (sweep.uniform, sweep.loguniform, sweep.int or sweep.choice), got \(value.summary)")
        }
        guard !key.isEmpty, !key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
          throw SweepError("ex:sweep: parameter '\(key)': the key has an empty part")
        }
        parameters.append(SweepParameter(key: key, distribution: dist.distribution, condition: dist.condition))
      }
    }
    guard !parameters.isEmpty else {
      throw SweepError("ex:sweep declares no parameters: give each config key to search a distribution (lr = sweep.loguniform(1e-4, 1e-1))")
    }
    guard let objective else {
      throw SweepError("ex:sweep has no objective: give objective = the metric to optimise (such as \"val_f1_micro\") and direction = \"minimize\" or \"maximize\"")
    }
    guard let direction else {
      throw SweepError("ex:sweep: give direction = \"minimize\" or \"maximize\" (whether the objective '\(objective)' should be small or large)")
    }
    let space = SearchSpace(parameters: try ordered(parameters), objective: objective, direction: direction)
    try space.validate(configKeys: nil)
    return space
  }

  /// Sorted by key, each conditional parameter after the one its condition names.
  static func ordered(_ parameters: [SweepParameter]) throws -> [SweepParameter] {
    var rest = parameters.sorted { $0.key < $1.key }
    let keys = rest.map(\.key)
    for p in rest {
      if let c = p.condition, !keys.contains(c.key) {
        let hint = Suggest.closest(to: c.key, among: keys.filter { $0 != p.key }).map { " (did you mean '\($0)'?)" } ?? ""
        throw SweepError("sweep parameter '\(p.key)': its condition names '\(c.key)', which is not a parameter of the sweep\(hint)")
      }
      if let c = p.condition, c.key == p.key {
        throw SweepError("sweep parameter '\(p.key)': its condition names the parameter itself")
      }
    }
    var out: [SweepParameter] = []
    var placed = Set<String>()
    while !rest.isEmpty {
      guard let i = rest.firstIndex(where: { p in p.condition.map { placed.contains($0.key) } ?? true }) else {
        throw SweepError("sweep parameters \(rest.map { "'\($0.key)'" }.joined(separator: ", ")): their conditions name each other in a circle")
      }
      let p = rest.remove(at: i)
      placed.insert(p.key)
      out.append(p)
    }
    return out
  }
}
