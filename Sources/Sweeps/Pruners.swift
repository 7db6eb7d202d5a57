import Catalog

/// The pruners `--pruner` names; `none` prunes nothing.
public enum Pruners {
  /// Every name, in the order the help lists them.
  public static let names = ["none", "median", "asha"]

  /// The pruner called `name`; nil for `none`.
  public static func named(_ name: String) throws -> Pruner? {
    switch name {
    case "none": return nil
    case "median": return MedianPruner()
    case "asha": return SuccessiveHalvingPruner()
    default:
      let hint = Suggest.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw SweepError("unknown pruner '\(name)'\(hint); pruners are: \(names.joined(separator: ", "))")
    }
  }
}
