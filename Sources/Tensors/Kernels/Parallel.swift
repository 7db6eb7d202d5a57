import Dispatch
import Foundation

/// How many threads kernels may use, and the one way they fan work out.
///
/// Work is split into contiguous slabs whose boundaries depend only on the problem size,
/// never on the thread count, so results are bit-identical with 1 or 2 threads.
public enum Parallel {
  /// The number of cores seen at start-up (overridable with CRESCENT_THREADS).
  public static let hardwareThreads: Int =
    threadsSetting(in: ProcessInfo.processInfo.environment) ?? max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The thread count CRESCENT_THREADS gives in `environment`: a positive integer, else nil.
  public static func threadsSetting(in environment: [String: String]) -> Int? {
    guard let s = environment["CRESCENT_THREADS"], let n = Int(s), n > 0 else { return nil }
    return n
  }

  /// The thread budget for kernels: the cores seen at start-up, or what `withThreads` sets
  /// for the work inside it (1 runs everything on the calling thread).
  @TaskLocal public static var maxThreads: Int = hardwareThreads

  /// Runs `body` with a thread budget of `threads` (at least 1) for the kernels it calls.
  public static func withThreads<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
    try $maxThreads.withValue(max(1, threads), operation: body)
  }

  /// Runs `body(i)` for i in 0..<count, on up to `threads` threads (default: maxThreads).
  /// Small counts or a budget of one run inline on the caller's thread.
  ///
  /// `body` may run on several threads at once, each call with a different `i`; it must only
  /// write memory that belongs to its own `i` (a slab of an output buffer, a partial sum).
  /// Every call has finished when `forEach` returns.
  @inlinable
  package static func forEach(_ count: Int, threads: Int? = nil, _ body: (Int) -> Void) {
    let t = min(threads ?? maxThreads, count)
    if t <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let work = ForkJoinBody(body)
      if t >= count {
        DispatchQueue.concurrentPerform(iterations: count) { work.run($0) }
        return
      }
      // More items than threads: give each thread a contiguous run of items.
      DispatchQueue.concurrentPerform(iterations: t) { w in
        let lo = count * w / t, hi = count * (w + 1) / t
        for i in lo..<hi { work.run(i) }
      }
    }
  }
}

/// The body of one `Parallel.forEach`, handed to the threads of its fork-join.
///
/// `@unchecked Sendable` because kernel bodies capture raw buffer pointers, which Swift never
/// treats as Sendable. It is safe under `forEach`'s contract: each call gets a distinct index
/// and writes only the memory that index owns, and `concurrentPerform` returns after every
/// call has finished, so the closure never outlives the caller's buffers.
@usableFromInline
struct ForkJoinBody: @unchecked Sendable {
  @usableFromInline let run: (Int) -> Void
  @usableFromInline init(_ run: @escaping (Int) -> Void) { self.run = run }
}
