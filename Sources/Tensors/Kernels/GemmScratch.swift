import Foundation

/// A small pool of 64-byte-aligned scratch buffers for packed panels, reused across sgemm
/// calls so large calls do not pay for fresh pages every time.
///
/// Each thread that calls sgemm has a pool of its own (`ofThisThread`): a call takes its
/// buffers on the calling thread and gives them back there before it returns, so a pool is
/// never touched by two threads and needs no lock. A pool is freed when its thread ends.
final class GemmScratch {
  private var free: [(ptr: UnsafeMutableRawPointer, bytes: Int)] = []
  /// Buffers kept for reuse are capped in total; larger surpluses are freed.
  private let keepBytes = 96 << 20

  /// The calling thread's pool.
  static var ofThisThread: GemmScratch {
    if let p = pthread_getspecific(key) { return Unmanaged<GemmScratch>.fromOpaque(p).takeUnretainedValue() }
    let pool = GemmScratch()
    pthread_setspecific(key, Unmanaged.passRetained(pool).toOpaque())
    return pool
  }

  /// The thread-specific slot holding each thread's pool; its destructor releases the pool
  /// when the thread exits.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { p in
      let pool: UnsafeMutableRawPointer? = p
      if let pool { Unmanaged<GemmScratch>.fromOpaque(pool).release() }
    }
    precondition(status == 0, "sgemm: no thread-specific slot for scratch buffers")  // cannot be reached from a script: only the system running out of thread keys fails this
    return key
  }()

  deinit { free.forEach { $0.ptr.deallocate() } }

  /// A buffer of at least `count` floats.
  func take(_ count: Int) -> (ptr: UnsafeMutableRawPointer, bytes: Int) {
    let need = max(count, 16) * MemoryLayout<Float>.stride
    // Smallest free buffer that fits.
    var best = -1
    for (i, b) in free.enumerated() where b.bytes >= need {
      if best < 0 || b.bytes < free[best].bytes { best = i }
    }
    if best >= 0 { return free.remove(at: best) }
    return (UnsafeMutableRawPointer.allocate(byteCount: need, alignment: 64), need)
  }

  func give(_ b: (ptr: UnsafeMutableRawPointer, bytes: Int)) {
    free.append(b)
    // Drop the smallest buffers while over the cap.
    var total = free.reduce(0) { $0 + $1.bytes }
    while total > keepBytes, let i = free.indices.min(by: { free[$0].bytes < free[$1].bytes }) {
      total -= free[i].bytes
      free[i].ptr.deallocate()
      free.remove(at: i)
    }
  }
}
