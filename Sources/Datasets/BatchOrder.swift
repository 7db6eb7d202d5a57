import Tensors

/// The order in which training visits examples: `count` positions cut into batches of
/// `batchSize` (the last may be shorter), shuffled by a seeded stream or kept in order.
/// Call `reshuffle` between epochs for a new order from the same stream.
public struct BatchOrder {
  public let count: Int
  public let batchSize: Int
  public let shuffle: Bool
  /// The positions in visiting order.
  public private(set) var order: [Int]
  private var stream: RandomStream?

  public init(count: Int, batchSize: Int, shuffle: Bool, stream: RandomStream?) {
    precondition(count >= 0 && batchSize > 0, "BatchOrder needs count >= 0 and batchSize > 0")
    precondition(!shuffle || stream != nil, "a shuffled BatchOrder needs a random stream")
    self.count = count
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.stream = stream
    self.order = Array(0..<count)
    if shuffle { self.stream!.shuffle(&order) }
  }

  public var batchCount: Int { (count + batchSize - 1) / batchSize }

  /// The positions range of batch `b` within `order`.
  public func range(ofBatch b: Int) -> Range<Int> {
    let start = b * batchSize
    return start..<min(start + batchSize, count)
  }

  /// The example positions of batch `b`.
  public func indices(ofBatch b: Int) -> ArraySlice<Int> { order[range(ofBatch: b)] }

  /// Every batch's example positions, in order.
  public var batches: [ArraySlice<Int>] { (0..<batchCount).map(indices(ofBatch:)) }

  /// A new visiting order for the next epoch (unchanged when not shuffling).
  public mutating func reshuffle() {
    guard shuffle else { return }
    stream!.shuffle(&order)
  }
}

/// Reusable buffers for (x, y) batches of a dataset: gathering rows allocates nothing after
/// the first batch of each size (a full batch and the shorter last one).
public final class BatchBuffer {
  public let data: LabeledData
  public let batchSize: Int
  private var full: (x: Tensor, y: Tensor)
  private var partial: (x: Tensor, y: Tensor)?

  public init(data: LabeledData, batchSize: Int) {
    self.data = data
    self.batchSize = batchSize
    full = (Tensor(uninitializedShape: [batchSize, data.features.columns]),
            Tensor(uninitializedShape: [batchSize, data.targets.columns]))
  }

  /// The rows `indices` of features and targets, in buffers reused between calls. The
  /// tensors returned share the buffers: use them before the next call.
  public func batch(_ indices: ArraySlice<Int>) throws -> (x: Tensor, y: Tensor) {
    if indices.count == batchSize {
      try RowGather.gather(data.features, indices, into: &full.x)
      try RowGather.gather(data.targets, indices, into: &full.y)
      return full
    }
    if partial == nil || partial!.x.rows != indices.count {
      partial = (Tensor(uninitializedShape: [indices.count, data.features.columns]),
                 Tensor(uninitializedShape: [indices.count, data.targets.columns]))
    }
    try RowGather.gather(data.features, indices, into: &partial!.x)
    try RowGather.gather(data.targets, indices, into: &partial!.y)
    return partial!
  }
}
