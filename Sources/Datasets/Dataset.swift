import Tensors

/// Examples with their features and labels, row for row: `x` is n x d, `y` is n x L (0/1 for
/// multilabel data, or n x 1 class indices for single-label data such as digits).
public final class Dataset: LabeledData {
  public let x: Tensor
  public let y: Tensor
  public let featureNames: [String]
  public let labelNames: [String]
  /// Where it came from, for summaries (`yeast-train.arff`).
  public let name: String

  public init(x: Tensor, y: Tensor, featureNames: [String]? = nil, labelNames: [String]? = nil, name: String = "") throws {
    guard x.rank == 2, y.rank == 2 else {
      throw DataError("a dataset needs matrices, got x \(describeShape(x.shape)) and y \(describeShape(y.shape))")
    }
    guard x.rows == y.rows else {
      throw DataError("x has \(x.rows) rows but y has \(y.rows)")
    }
    let fn = featureNames ?? (0..<x.shape[1]).map { "x\($0 + 1)" }
    let ln = labelNames ?? (0..<y.shape[1]).map { "y\($0 + 1)" }
    guard fn.count == x.shape[1], ln.count == y.shape[1] else {
      throw DataError("\(fn.count) feature names for \(x.shape[1]) columns, \(ln.count) label names for \(y.shape[1]) columns")
    }
    self.x = x
    self.y = y
    self.featureNames = fn
    self.labelNames = ln
    self.name = name
  }

  public var count: Int { x.rows }
  public var featureCount: Int { x.shape[1] }
  public var labelCount: Int { y.shape[1] }

  // LabeledData
  public var features: Tensor { x }
  public var targets: Tensor { y }

  /// The examples at `indices` (0-based), in that order.
  public func subset(_ indices: [Int], name: String? = nil) throws -> Dataset {
    try Dataset(x: RowGather.rows(of: x, indices), y: RowGather.rows(of: y, indices),
                featureNames: featureNames, labelNames: labelNames, name: name ?? self.name)
  }

  /// The same examples in a seeded random order.
  public func shuffled(stream: inout RandomStream) throws -> Dataset {
    var order = Array(0..<count)
    stream.shuffle(&order)
    return try subset(order)
  }

  /// True when `y` holds one column of class indices rather than 0/1 label columns.
  public var isClassIndexed: Bool {
    guard labelCount == 1 else { return false }
    return y.withUnsafeBufferPointer { $0.contains { $0 != 0 && $0 != 1 } }
  }

  /// The labels as 0/1 columns: `y` itself, or class indices expanded one-hot.
  public func labelMatrix() throws -> Tensor {
    guard isClassIndexed else { return y }
    let classes = y.withUnsafeBufferPointer { Int($0.max() ?? 0) } + 1
    return try Encoding.oneHot(y, classes: classes)
  }

  /// `Dataset(yeast-train.arff: 1500 x 103, 14 labels)`
  public var summary: String {
    "Dataset(\(name.isEmpty ? "" : name + ": ")\(count) x \(featureCount), \(labelCount) label\(labelCount == 1 ? "" : "s"))"
  }
}
