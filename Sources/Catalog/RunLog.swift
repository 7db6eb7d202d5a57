/// The numbers one run records as they are made (fit's per-epoch logs): the host makes one for
/// the run it records and puts it in the session; fit writes to the one it is given.
public final class RunLog {
  private let record: (String, Double, Int) -> Void
  private let store: () -> Void
  /// How many fits the run has started.
  public private(set) var fits = 0

  /// A log that passes each (name, value, step) to `record`; `store` writes what it holds
  /// (called before a training checkpoint, so the points of the epochs a checkpoint holds are
  /// stored by the time it is).
  public init(_ record: @escaping (String, Double, Int) -> Void, store: @escaping () -> Void = {}) {
    self.record = record
    self.store = store
  }

  /// The prefixes the run's fits have taken.
  public private(set) var used: Set<String> = []

  /// Counts a fit and gives the prefix of its series: `prefix` when given, else nothing for
  /// the run's first fit and `fit2/`, `fit3/`, ... for later ones (the first such name no
  /// fit of the run has taken), so each fit has series of its own. A prefix an earlier fit of
  /// the run took is an error, as two fits would write into the same series.
  public func beginFit(prefix: String?) throws -> String {
    fits += 1
    var chosen = prefix ?? (fits == 1 ? "" : "fit\(fits)/")
    if let prefix {
      guard !used.contains(prefix) else {
        throw CatalogError("log_prefix '\(prefix)' is already used by an earlier fit in this run; give each fit its own")
      }
    } else {
      var k = fits
      while used.contains(chosen) { k += 1; chosen = "fit\(k)/" }
    }
    used.insert(chosen)
    return chosen
  }

  public func log(_ name: String, _ value: Double, step: Int) { record(name, value, step) }

  /// Writes the points logged so far to the run's store.
  public func flush() { store() }
}
