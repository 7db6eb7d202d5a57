import Catalog

/// The samplers `--sampler` names.
public enum Samplers {
  /// Every name, in the order the help lists them.
  public static let names = ["grid", "random", "tpe"]

  /// The sampler called `name`, seeded with the study's seed.
  public static func named(_ name: String, seed: UInt64) throws -> Sampler {
    switch name {
    case "grid": return GridSampler(seed: seed)
    case "random": return RandomSampler(seed: seed)
    case "tpe": return TPESampler(seed: seed)
    default:
      let hint = Suggest.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SweepError("unknown sampler '\(name)'\(hint); samplers are: \(names.joined(separator: ", "))")
    }
  }
}
