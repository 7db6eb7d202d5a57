import Catalog

/// The samplers `--sampler` names.
public enum Samplers {
  /// Every name, in the order the help lists them.
  public static let names = ["random"]

  /// The sampler called `name`, seeded with the study's seed.
  public static func named(_ name: String, seed: UInt64) throws -> Sampler {
    switch name {
    case "random": return RandomSampler(seed: seed)
    default:
      let hint = Suggest.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SweepError("unknown sampler '\(name)'\(hint); samplers are: \(names.joined(separator: ", "))")
    }
  }
}
