import Foundation

/// A small pool of 64-byte-aligned scratch buffers for packed panels, reused across
/// sgemm calls so large calls do not pay for fresh pages every time.
final class GemmScratch: @unchecked Sendable {
  static let shared = GemmScratch()
  private let lock = NSLock()
  private var free: [(ptr: UnsafeMutableRawPointer, bytes: Int)] = []
  /// Buffers kept for reuse are capped in total; larger surpluses are freed.
  private let keepBytes = 96 << 20

  /// A buffer of at least `count` floats.
  func take(_ count: Int) -> (ptr: UnsafeMutableRawPointer, bytes: Int) {
    let need = max(count, 16) * MemoryLayout<Float>.stride
    lock.lock()
    // Smallest free buffer that fits.
    var best = -1
    for (i, b) in free.enumerated() where b.bytes >= need {
      if best < 0 || b.bytes < free[best].bytes { best = i }
    }
    if best >= 0 {
      let b = free.remove(at: best)
      lock.unlock()
      return b
    }
    lock.unlock()
    return (UnsafeMutableRawPointer.allocate(byteCount: need, alignment: 64), need)
  }

  func give(_ b: (ptr: UnsafeMutableRawPointer, bytes: Int)) {
    lock.lock()
    free.append(b)
    // Drop the smallest buffers while over the cap.
    var total = free.reduce(0) { $0 + $1.bytes }
    while total > keepBytes, let i = free.indices.min(by: { free[$0].bytes < free[$1].bytes }) {
      total -= free[i].bytes
      free[i].ptr.deallocate()
      free.remove(at: i)
    }
    lock.unlock()
  }
}
