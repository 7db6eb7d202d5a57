import Foundation

/// The deadline of the run whose native code is working, for code that has no session at hand
/// (readers, decompression, model construction). A host sets it while the run's native code
/// works; `check()` throws once it has passed.
public enum RunDeadline {
  /// Monotonic seconds; nil: no limit.
  @TaskLocal public static var current: Double?

  /// The words that end a deadline error's message; hosts recognise a timeout by them.
  public static let message = "time limit exceeded"

  /// Monotonic seconds (the clock deadlines are measured on).
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Throws when the current deadline has passed. One clock read: call it per block of work
  /// (a chunk, a row block, a layer), never per element.
  public static func check() throws {
    if let d = current, now() >= d { throw TensorError(message) }
  }
}
