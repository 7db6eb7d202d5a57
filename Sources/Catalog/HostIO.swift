/// Where library code writes what a person should see (training progress), as the host
/// decides: the Lua host routes it to the script's output.
public enum HostIO {
  nonisolated(unsafe) public static var write: (String) -> Void = { Swift.print($0, terminator: "") }
  /// Whether output goes to a terminal (progress bars redraw in place) or to a file/pipe.
  nonisolated(unsafe) public static var isTerminal = false
}

/// Where library code reports a run's numbers as they are made (fit's per-epoch logs): the
/// host points it at the current run while an experiment's main is running.
public enum RunLog {
  /// (name, value, step); nil when no run is recording. Setting it starts a new run's count of fits.
  nonisolated(unsafe) public static var sink: ((String, Double, Int) -> Void)? = nil { didSet { fits = 0; used = [] } }
  /// How many fits the current run has started.
  nonisolated(unsafe) public private(set) static var fits = 0
  /// The prefixes the current run's fits have taken.
  nonisolated(unsafe) public private(set) static var used: Set<String> = []

  /// Counts a fit and gives the prefix of its series: `prefix` when given, else nothing for
  /// the run's first fit and `fit2/`, `fit3/`, ... for later ones (the first such name no
  /// fit of the run has taken), so each fit has series of its own. A prefix an earlier fit of
  /// the run took is an error, as two fits would write into the same series.
  public static func beginFit(prefix: String?) throws -> String {
    guard sink != nil else { return prefix ?? "" }
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
}
