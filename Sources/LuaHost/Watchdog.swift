import CLuaShim
import Foundation
import Synchronization

/// The backstop of the time limit: a thread that ends the process with the timeout error when
/// a run's deadline has passed by more than `grace` seconds and the run is still going. The
/// count hook stops Lua code and native work checks the deadline itself; this covers what
/// neither reaches (a C function of Lua's standard library such as a pattern match, an error
/// handler or a finalizer, which run with hooks off). Process-wide, as the process is what
/// it ends: a command line host starts it, states arm it for their run.
enum Watchdog {
  /// The armed deadline's bit pattern (monotonic seconds); 0: not armed.
  private static let deadline = Atomic<UInt64>(0)
  /// The limit in seconds the message quotes, as a bit pattern.
  private static let limit = Atomic<UInt64>(0)
  private static let started = Atomic<Bool>(false)
  /// What the message names (the script or spec file), set before the deadline is armed.
  nonisolated(unsafe) private static var subject = ""
  /// How long past the deadline the cooperative checks have before the process is ended.
  static let grace = 1.0

  /// Starts the thread, once per process.
  static func start() {
    guard started.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
    Thread.detachNewThread {
      // Only system calls in the loop: the stuck thread may hold any lock of a library.
      while true {
        usleep(50_000)
        let bits = deadline.load(ordering: .acquiring)
        guard bits != 0, crescent_now() >= Double(bitPattern: bits) + grace else { continue }
        let seconds = Double(bitPattern: limit.load(ordering: .relaxed))
        let message = Array("crescent: \(subject)\(CRESCENT_TIMEOUT_MESSAGE) (the limit is \(seconds) s)\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        _exit(124)
      }
    }
  }

  /// Arms the backstop at `at` for a run limited to `seconds`, or disarms it (nil).
  static func arm(_ at: Double?, seconds: Double = 0, subject what: String = "") {
    deadline.store(0, ordering: .releasing)
    subject = what.isEmpty ? "" : what + ": "
    limit.store(seconds.bitPattern, ordering: .relaxed)
    deadline.store(at.map(\.bitPattern) ?? 0, ordering: .releasing)
  }
}

extension LuaState {
  /// Ends the process with the timeout error when a run's deadline has passed and neither the
  /// count hook nor native checks could stop it (for command line hosts).
  public static func startWatchdog() { Watchdog.start() }
}
