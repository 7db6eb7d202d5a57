import Synchronization

/// The bytes a run may hold: native tensor memory plus what the host's interpreter holds.
/// Each storage allocated while a budget is current is counted on it until freed, so runs
/// sharing a process count only their own tensors.
/// A host makes one per run and sets it as `MemoryBudget.current` while the run's native code
/// works; script-facing constructors, loaders and decompression ask it before they allocate,
/// so a request beyond the limit is refused before any memory is taken.
/// `@unchecked Sendable` because `otherBytes` is a plain closure: the host passes one that reads
/// its interpreter's own allocation counter, and the tensor count is atomic.
public final class MemoryBudget: @unchecked Sendable {
  /// The limit in bytes.
  public let limit: Int
  /// Bytes the host holds outside tensors (the interpreter's own memory), read at each check.
  private let otherBytes: () -> Int

  /// The budget of the run whose native code is working; nil: no limit.
  @TaskLocal public static var current: MemoryBudget?

  public init(limit: Int, otherBytes: @escaping () -> Int = { 0 }) {
    self.limit = limit
    self.otherBytes = otherBytes
  }

  /// Bytes of the live tensors allocated while this budget was current.
  private let tensors = Atomic<Int>(0)

  /// Bytes in use now: the run's live tensors and the host's own.
  public var used: Int { tensorBytes &+ otherBytes() }
  /// Bytes of the run's live tensors.
  public var tensorBytes: Int { tensors.load(ordering: .relaxed) }

  func add(_ bytes: Int) { tensors.wrappingAdd(bytes, ordering: .relaxed) }
  func remove(_ bytes: Int) { tensors.wrappingSubtract(bytes, ordering: .relaxed) }

  /// Throws when `bytes` more would go beyond the limit; `what` names the thing being made.
  public func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws {
    let (total, overflow) = used.addingReportingOverflow(max(bytes, 0))
    if overflow || total > limit { throw MemoryBudget.refusal(bytes, what(), limit: limit, used: used) }
  }

  /// Checks `bytes` more against the current budget, if there is one.
  public static func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws {
    try current?.reserve(bytes, for: what())
  }

  /// Checks `count` more float32 values against the current budget (overflow-checked).
  public static func reserve(floats count: Int, for what: @autoclosure () -> String) throws {
    guard let budget = current else { return }
    let (bytes, overflow) = max(count, 1).multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
    try budget.reserve(overflow ? Int.max : bytes, for: what())
  }

  /// Checks tensors of `shapes` more against the current budget (overflow-checked).
  public static func reserve(shapes: [[Int]], for what: @autoclosure () -> String) throws {
    guard current != nil else { return }
    var total = 0, overflow = false
    for shape in shapes {
      var count = 1
      for d in shape where !overflow { (count, overflow) = count.multipliedReportingOverflow(by: max(d, 0)) }
      if !overflow { (total, overflow) = total.addingReportingOverflow(count) }
    }
    try reserve(floats: overflow ? Int.max / 4 : total, for: what())
  }

  /// The error for a refused request; its message ends with the words hosts recognise.
  static func refusal(_ bytes: Int, _ what: String, limit: Int, used: Int) -> TensorError {
    TensorError("\(what) needs \(bytes) bytes with \(used) in use: memory limit exceeded")
  }
}
