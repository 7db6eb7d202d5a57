/// Where library code writes what a person should see (training progress), as the host
/// decides: the Lua host routes it to the script's output.
public enum HostIO {
  nonisolated(unsafe) public static var write: (String) -> Void = { Swift.print($0, terminator: "") }
  /// Whether output goes to a terminal (progress bars redraw in place) or to a file/pipe.
  nonisolated(unsafe) public static var isTerminal = false
}
