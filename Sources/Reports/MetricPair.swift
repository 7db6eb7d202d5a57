/// A metric's training series and its validation twin, drawn in one chart: `loss` with
/// `val_loss`, `fit2/f1_micro` with `fit2/val_f1_micro`. The validation name is the training
/// name with `val_` after the fit prefix (the part up to the last `/`).
public struct MetricPair: Sendable, Equatable {
  /// The training name, whether or not that series was logged.
  public var base: String
  public var training: String?
  public var validation: String?

  /// Pairs the names, in the order each metric was first seen.
  public static func pairs(_ names: [String]) -> [MetricPair] {
    var result: [MetricPair] = []
    var index: [String: Int] = [:]
    for name in names {
      let (base, isValidation) = split(name)
      let i: Int
      if let existing = index[base] { i = existing } else {
        i = result.count
        index[base] = i
        result.append(MetricPair(base: base))
      }
      if isValidation { result[i].validation = name } else { result[i].training = name }
    }
    return result
  }

  /// The training name of a series, and whether it is a validation series.
  static func split(_ name: String) -> (base: String, validation: Bool) {
    let slash = name.lastIndex(of: "/")
    let prefix = slash.map { String(name[...$0]) } ?? ""
    let leaf = slash.map { String(name[name.index(after: $0)...]) } ?? name
    guard leaf.hasPrefix("val_"), leaf.count > 4 else { return (name, false) }
    return (prefix + leaf.dropFirst(4), true)
  }
}
