/// The numbers one run records as they are made (fit's per-epoch logs): the host makes one for
/// the run it records and puts it in the session; fit writes to the one it is given.
public final class RunLog {
  private let record: (String, Double, Int) -> Void
  /// How many fits the run has started.
  public private(set) var fits = 0

  /// A log that passes each (name, value, step) to `record`.
  public init(_ record: @escaping (String, Double, Int) -> Void) { self.record = record }

  /// Counts a fit and gives the prefix of its series: `prefix` when given, else nothing for
  /// the run's first fit and `fit2/`, `fit3/`, ... for later ones, so each fit has series of
  /// its own.
  public func beginFit(prefix: String?) -> String {
    fits += 1
    if let prefix { return prefix }
    return fits == 1 ? "" : "fit\(fits)/"
  }

  public func log(_ name: String, _ value: Double, step: Int) { record(name, value, step) }
}
