/// A dense float32 array with a shape, stored row-major.
///
/// `Tensor` is a value: copies share storage until one of them is written to (copy on write).
///
/// `@unchecked Sendable` because its storage is a class: a copy sent to another thread shares
/// the buffer until either side writes, and a write first copies (`makeUnique`). The autodiff
/// record is shared by copies too; a graph is built and differentiated by one run at a time.
public struct Tensor: @unchecked Sendable {
  /// The extent of each dimension; empty for a scalar.
  public private(set) var shape: [Int]
  /// The buffer; shared between copies until one of them writes.
  @usableFromInline package private(set) var storage: TensorStorage

  /// The autodiff record: set when this tensor requires a gradient or was computed from one
  /// that does (see `Tensor+Autodiff.swift`). Copies share it.
  public var autograd: Autograd? = nil

  /// The storage as a mutable reference, for uniqueness checks by workspace owners.
  @usableFromInline package var storageReference: TensorStorage {
    get { storage }
    _modify { yield &storage }
  }

  /// A tensor of the given shape filled with `value`.
  public init(shape: [Int], repeating value: Float = 0) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")  // cannot fail from a script or a file: shapes from them pass Tensor.validateShape or elementCount first
    self.shape = shape
    self.storage = TensorStorage(count: shape.reduce(1, *), repeating: value)  // cannot overflow: the shape was checked as above
  }

  /// A tensor of the given shape whose values are left for the caller to write.
  @usableFromInline package init(uninitializedShape shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")  // cannot fail from a script or a file: shapes from them pass Tensor.validateShape or elementCount first
    self.shape = shape
    self.storage = TensorStorage(count: shape.reduce(1, *))  // cannot overflow: the shape was checked as above
  }

  /// A tensor of the given shape, values left for the caller to write, allocated only if the
  /// run's memory budget has room (`TensorStorage.allocate`); `what` names the result.
  @usableFromInline package init(budgetedShape shape: [Int], for what: @autoclosure () -> String) throws {
    guard let count = Tensor.elementCount(shape) else {
      throw TensorError("\(what()) of shape \(describeShape(shape)) is too large for a tensor (at most \(Tensor.maxElements) values)")
    }
    self.shape = shape
    self.storage = try TensorStorage.allocate(count: count, for: what())
  }

  /// A tensor over existing storage; `storage.count` must equal the shape's element count.
  package init(shape: [Int], storage: TensorStorage) {
    precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not match storage of \(storage.count)")  // cannot fail: callers build the shape from the storage they pass (reshaped checks first)
    self.shape = shape
    self.storage = storage
  }

  /// A tensor holding `scalars` in row-major order.
  public init(shape: [Int], scalars: [Float]) {
    precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) needs \(shape.reduce(1, *)) values, got \(scalars.count)")  // cannot fail: callers pass the values of that shape (TensorLiteral checks raggedness first)
    self.init(uninitializedShape: shape)
    scalars.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: scalars.count) }  // cannot fail: an array has an address even when empty
  }

  /// A scalar tensor.
  public init(scalar: Float) { self.init(shape: [], repeating: scalar) }

  public var rank: Int { shape.count }
  public var count: Int { storage.count }
  /// Rows of a matrix view: the first dimension (1 for a scalar).
  public var rows: Int { shape.first ?? 1 }
  /// Columns of a matrix view: everything after the first dimension multiplied out.
  public var columns: Int { shape.count <= 1 ? (shape.first.map { _ in 1 } ?? 1) : shape.dropFirst().reduce(1, *) }

  /// The values in row-major order.
  public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: count)) }

  /// The single value of a one-element tensor.
  public var scalar: Float? { count == 1 ? storage.pointer[0] : nil }

  /// Read access to the values.
  @inlinable
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: storage.pointer, count: count))
  }

  /// Write access to the values; copies the storage first if another tensor shares it.
  @inlinable
  public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
    makeUnique()
    return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
  }

  /// Ensures this tensor is the only owner of its storage.
  @usableFromInline package mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = TensorStorage(copying: storage) }
  }

  /// The same values under another shape with the same element count.
  public func reshaped(_ newShape: [Int]) throws -> Tensor {
    guard let n = Tensor.elementCount(newShape), n == count else {
      throw TensorError("cannot reshape \(describeShape(shape)) (\(count) values) to \(describeShape(newShape))")
    }
    var out = Tensor(shape: newShape, storage: storage)
    let old = shape
    out.record("reshape", [self]) { g in [try g.reshaped(old)] }
    return out
  }

  /// Element at a row-major multi-index (no bounds message; callers check).
  public subscript(index: Int...) -> Float {
    get { storage.pointer[flatIndex(index)] }
    set { makeUnique(); storage.pointer[flatIndex(index)] = newValue }
  }

  /// Element at a row-major multi-index given as an array.
  public func element(at index: [Int]) -> Float { storage.pointer[flatIndex(index)] }

  @usableFromInline
  func flatIndex(_ index: [Int]) -> Int {
    precondition(index.count == shape.count, "index rank \(index.count) for shape \(shape)")  // cannot fail from a script: the get/set entries check rank and range first
    var flat = 0
    for (i, d) in zip(index, shape) {
      precondition(i >= 0 && i < d, "index \(index) out of range for shape \(shape)")  // as above
      flat = flat * d + i
    }
    return flat
  }
}
