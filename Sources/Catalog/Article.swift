/// English articles for names in messages and the reference.
public enum Article {
  /// `noun` with "a" or "an" before it, by its first letter ("an Optimizer", "a Model").
  public static func indefinite(_ noun: String) -> String {
    guard let first = noun.first?.lowercased() else { return noun }
    return ("aeiou".contains(first) ? "an " : "a ") + noun
  }
}
