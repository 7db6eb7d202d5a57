import Catalog
import Sweeps

/// What a script declared about its experiment, as plain data: config tables in order, named
/// configs, ingredients with their configs. Builds the run's final config from it.
public struct ExperimentDeclaration {
  public struct Ingredient {
    public var name: String
    public var configs: [Value]
    public init(name: String, configs: [Value]) { self.name = name; self.configs = configs }
  }

  public var name: String
  public var configs: [Value]
  public var named: [(name: String, config: Value)]
  public var ingredients: [Ingredient]
  public var hasMain: Bool
  /// The search space the script declared (`ex:sweep{...}`), for `crescent sweep`.
  public var sweep: SearchSpace?
  /// Where the script declared it (`script.lua:12`), for messages about it.
  public var sweepPlace: String?

  public init(name: String, configs: [Value] = [], named: [(name: String, config: Value)] = [],
              ingredients: [Ingredient] = [], hasMain: Bool = true) {
    self.name = name
    self.configs = configs
    self.named = named
    self.ingredients = ingredients
    self.hasMain = hasMain
  }

  /// The config key that holds the run's root seed.
  public static let seedKey = "seed"

  /// Declared defaults (ingredients under their names), then the named configs in order, then
  /// the overrides. The seed comes from `seed=` among the overrides, else `cliSeed`, else the
  /// declared `seed`, else `drawSeed()`.
  public func config(named names: [String], overrides: [(key: String, value: Value)], cliSeed: UInt64?,
                     drawSeed: () -> UInt64) throws -> Config {
    var c = Config()
    for t in configs { try c.declare(t) }
    for ing in ingredients {
      if c.lookup([ing.name]) != nil {
        throw ConfigError("ingredient '\(ing.name)': the experiment's config already has a key '\(ing.name)'")
      }
      try c.declare(.table([(ing.name, .table([]))]))
      for t in ing.configs { try c.declare(t, under: [ing.name]) }
    }
    for n in names {
      guard let nc = named.first(where: { $0.name == n }) else {
        let all = named.map(\.name)
        let hint = Suggest.closest(to: n, among: all).map { " (did you mean '\($0)'?)" } ?? ""
        let list = all.isEmpty ? "the experiment declares none" : "named configs are: " + all.joined(separator: ", ")
        throw ConfigError("unknown named config '\(n)'\(hint); \(list)")
      }
      try c.apply(named: n, nc.config)
    }
    if let s = cliSeed {
      if c.lookup([Self.seedKey]) == nil { try c.add(Self.seedKey, .integer(Int(s)), as: .changed) }
      else { try c.override(Self.seedKey, with: .integer(Int(s))) }
    } else if c.lookup([Self.seedKey]) == nil {
      try c.add(Self.seedKey, .integer(Int(drawSeed())), as: .drawn)
    }
    for (key, value) in overrides { try c.override(key, with: value) }
    return c
  }

  /// The root seed in a final config: a non-negative integer.
  public static func seed(of config: Config) throws -> UInt64 {
    switch config.lookup([seedKey]) {
    case .integer(let i) where i >= 0: return UInt64(i)
    case .number(let d) where d >= 0 && d == d.rounded() && d < 9e15: return UInt64(d)
    case let v: throw ConfigError("config 'seed' must be a non-negative integer, got \(v?.summary ?? "nil")")
    }
  }
}
