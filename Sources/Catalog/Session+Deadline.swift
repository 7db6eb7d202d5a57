import Tensors

extension Session {
  /// The words that end a deadline error's message; hosts recognise a timeout by them.
  public static let timeoutMessage = RunDeadline.message

  /// Monotonic seconds (the clock deadlines are measured on).
  public static func now() -> Double { RunDeadline.now() }

  /// Throws when the run's deadline has passed or the host was asked to stop it. Cheap (one clock read): long native work calls
  /// it per batch, per row block or per layer, never per element.
  public func checkDeadline() throws {
    if let deadline, Session.now() >= deadline { throw CatalogError(Session.timeoutMessage) }
    if let interruption, interruption() { throw CatalogError(Session.interruptMessage) }
  }

  /// The words that end an interruption's message (Ctrl-C, SIGTERM); hosts recognise it by them.
  public static let interruptMessage = "interrupted"

  /// Runs `body` with the session's deadline and memory budget as the current ones, for native
  /// code that has no session at hand (readers, decompression, tensor constructors).
  public func withLimits<T>(_ body: () throws -> T) rethrows -> T {
    try RunDeadline.$current.withValue(deadline) {
      try MemoryBudget.$current.withValue(memoryBudget) { try body() }
    }
  }
}
