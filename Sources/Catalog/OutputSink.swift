/// Where a run writes what a person should see (printed values, training progress).
public struct OutputSink {
  public let write: (String) -> Void
  /// Whether the text goes to a terminal (progress bars redraw in place) or to a file or pipe.
  public let isTerminal: Bool

  public init(isTerminal: Bool = false, write: @escaping (String) -> Void) {
    self.write = write
    self.isTerminal = isTerminal
  }

  /// Standard output, not treated as a terminal.
  public static var standardOutput: OutputSink { OutputSink { Swift.print($0, terminator: "") } }
  /// Nowhere.
  public static var discard: OutputSink { OutputSink { _ in } }
}
