import Foundation

/// A 64-byte-aligned buffer of float32 values, owned by one or more `Tensor`s.
public final class TensorStorage: @unchecked Sendable {
  public let count: Int
  public let pointer: UnsafeMutablePointer<Float>

  /// Bytes held by all live storages; lets a host (the Lua collector, a memory limit) see
  /// native memory. A measurement of the process, not a setting: no run writes it.
  public static var liveBytes: Int { live.value }
  private static let live = ByteCount()

  public init(count: Int) {
    precondition(count >= 0, "negative element count")
    self.count = count
    let bytes = max(count, 1) * MemoryLayout<Float>.stride
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    TensorStorage.live.add(bytes)
    TensorStorage.counter?.count += 1
  }

  /// Counts the storages allocated by the current task while set (tests of allocation-free loops).
  @TaskLocal public static var counter: AllocationCounter?

  /// A storage filled with `value`.
  public convenience init(count: Int, repeating value: Float) {
    self.init(count: count)
    pointer.initialize(repeating: value, count: count)
  }

  /// A copy of `other`'s values.
  public convenience init(copying other: TensorStorage) {
    self.init(count: other.count)
    pointer.initialize(from: other.pointer, count: other.count)
  }

  public var byteCount: Int { max(count, 1) * MemoryLayout<Float>.stride }

  deinit {
    TensorStorage.live.add(-byteCount)
    UnsafeMutableRawPointer(pointer).deallocate()
  }
}

/// A byte count shared by every thread, changed under a lock.
private final class ByteCount: @unchecked Sendable {
  private var bytes = 0
  private let lock = NSLock()
  var value: Int { lock.withLock { bytes } }
  func add(_ n: Int) { lock.withLock { bytes += n } }
}

/// A count of tensor allocations (see `TensorStorage.counter`).
public final class AllocationCounter: @unchecked Sendable {
  public var count = 0
  public init() {}
}
