import Foundation
import Synchronization

/// A 64-byte-aligned buffer of float32 values, owned by one or more `Tensor`s.
///
/// `@unchecked Sendable` because it hands out a raw pointer: the values may be read from any
/// thread, and are written only by the one `Tensor` that holds the storage uniquely (copy on
/// write) or by kernels that split the buffer into disjoint parts.
@usableFromInline
package final class TensorStorage: @unchecked Sendable {
  @usableFromInline package let count: Int
  @usableFromInline package let pointer: UnsafeMutablePointer<Float>

  /// Bytes held by all live storages; lets a host (the Lua collector, a memory limit) see
  /// native memory. A measurement of the process, not a setting: no run writes it.
  package static var liveBytes: Int { live.load(ordering: .relaxed) }
  /// The one process-wide counter, on purpose: tensors of every run share the process's
  /// memory, so the count is of the process. Atomic, as storages come and go on any thread.
  private static let live = Atomic<Int>(0)

  /// The budget of the run that allocated it (counted there until freed); nil: none.
  private let budget: MemoryBudget?

  package convenience init(count: Int) {
    self.init(count: count, budget: MemoryBudget.current)
  }

  private init(count: Int, budget: MemoryBudget?) {
    precondition(count >= 0, "negative element count")  // cannot fail: counts come from checked shapes
    self.count = count
    let bytes = max(count, 1) * MemoryLayout<Float>.stride
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    TensorStorage.live.wrappingAdd(bytes, ordering: .relaxed)
    self.budget = budget
    budget?.add(bytes)
    TensorStorage.counter?.add()
  }

  /// A storage of `count` values, allocated only if the current budget has room for it: an
  /// operation whose result can outgrow its operands (a broadcast, a product, a gather, a
  /// concatenation) is refused before its memory is taken. `what` names the result.
  package static func allocate(count: Int, for what: @autoclosure () -> String) throws -> TensorStorage {
    let budget = MemoryBudget.current
    if let budget {
      let (bytes, overflow) = max(count, 1).multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
      try budget.reserve(overflow ? Int.max : bytes, for: what())
    }
    return TensorStorage(count: count, budget: budget)
  }

  /// Counts the storages allocated by the current task while set (tests of allocation-free loops).
  @TaskLocal package static var counter: AllocationCounter?

  /// A storage filled with `value`.
  package convenience init(count: Int, repeating value: Float) {
    self.init(count: count)
    pointer.initialize(repeating: value, count: count)
  }

  /// A copy of `other`'s values.
  package convenience init(copying other: TensorStorage) {
    self.init(count: other.count)
    pointer.initialize(from: other.pointer, count: other.count)
  }

  package var byteCount: Int { max(count, 1) * MemoryLayout<Float>.stride }

  deinit {
    TensorStorage.live.wrappingSubtract(byteCount, ordering: .relaxed)
    budget?.remove(byteCount)
    UnsafeMutableRawPointer(pointer).deallocate()
  }
}

/// A count of tensor allocations (see `TensorStorage.counter`).
package final class AllocationCounter: Sendable {
  private let allocations = Atomic<Int>(0)
  package init() {}
  /// The storages allocated while it was set.
  package var count: Int { allocations.load(ordering: .relaxed) }
  func add() { allocations.wrappingAdd(1, ordering: .relaxed) }
}
