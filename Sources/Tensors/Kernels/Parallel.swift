import Dispatch
import Foundation

/// How many threads kernels may use, and the one way they fan work out.
///
/// Work is split into contiguous slabs whose boundaries depend only on the problem size,
/// never on the thread count, so results are bit-identical with 1 or 2 threads.
public enum Parallel {
  /// The number of cores seen at start-up (overridable with CRESCENT_THREADS).
  public static let hardwareThreads: Int = {
    if let s = ProcessInfo.processInfo.environment["CRESCENT_THREADS"], let n = Int(s), n > 0 { return n }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }()

  /// The thread budget for kernels: the cores seen at start-up, or what `withThreads` sets
  /// for the work inside it (1 runs everything on the calling thread).
  @TaskLocal public static var maxThreads: Int = hardwareThreads

  /// Runs `body` with a thread budget of `threads` (at least 1) for the kernels it calls.
  public static func withThreads<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
    try $maxThreads.withValue(max(1, threads), operation: body)
  }

  /// Runs `body(i)` for i in 0..<count, on up to `threads` threads (default: maxThreads).
  /// Small counts or a budget of one run inline on the caller's thread.
  @inlinable
  public static func forEach(_ count: Int, threads: Int? = nil, _ body: (Int) -> Void) {
    let t = min(threads ?? maxThreads, count)
    if t <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    if t >= count {
      DispatchQueue.concurrentPerform(iterations: count, execute: body)
      return
    }
    // More items than threads: give each thread a contiguous run of items.
    DispatchQueue.concurrentPerform(iterations: t) { w in
      let lo = count * w / t, hi = count * (w + 1) / t
      for i in lo..<hi { body(i) }
    }
  }
}
