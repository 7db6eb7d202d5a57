import Tensors

/// How examples are shared between the parts of a split.
public enum Stratification: String, CaseIterable {
  /// Iterative stratification of the label matrix (class indices are expanded one-hot).
  case iterative
  /// A plain seeded shuffle.
  case none
}

/// Seeded train/test splits and k-fold partitions of datasets.
public enum Splitter {
  /// Positions (0-based) of the train and test examples. The test part has
  /// ceil(testSize * n) examples for a plain split, and that many in expectation for an
  /// iterative one.
  public static func trainTestIndices(_ ds: Dataset, testSize: Double, stratify: Stratification,
                                      stream: inout RandomStream) throws -> (train: [Int], test: [Int]) {
    let n = ds.count
    guard testSize > 0, testSize < 1 else { throw DataError("test_size must be between 0 and 1 (exclusive), got \(testSize)") }
    guard n >= 2 else { throw DataError("a split needs at least 2 examples, got \(n)") }
    switch stratify {
    case .none:
      var order = Array(0..<n)
      stream.shuffle(&order)
      let nTest = min(n - 1, max(1, Int((testSize * Double(n)).rounded(.up))))
      return (Array(order[nTest...]), Array(order[..<nTest]))
    case .iterative:
      let folds = try IterativeStratification.assign(labels: ds.labelMatrix(), proportions: [1 - testSize, testSize], stream: &stream)
      let train = (0..<n).filter { folds[$0] == 0 }, test = (0..<n).filter { folds[$0] == 1 }
      guard !train.isEmpty, !test.isEmpty else { throw DataError("test_size = \(testSize) leaves one part empty for \(n) examples") }
      return (train, test)
    }
  }

  public static func split(_ ds: Dataset, testSize: Double, stratify: Stratification,
                           stream: inout RandomStream) throws -> (train: Dataset, test: Dataset) {
    let (train, test) = try trainTestIndices(ds, testSize: testSize, stratify: stratify, stream: &stream)
    return (try ds.subset(train), try ds.subset(test))
  }

  /// The members (0-based positions, ascending) of each of `k` folds.
  public static func folds(_ ds: Dataset, k: Int, stratify: Stratification, stream: inout RandomStream) throws -> [[Int]] {
    let n = ds.count
    guard k >= 2 else { throw DataError("k must be at least 2, got \(k)") }
    guard k <= n else { throw DataError("k = \(k) folds need at least \(k) examples, got \(n)") }
    var members = [[Int]](repeating: [], count: k)
    switch stratify {
    case .none:
      var order = Array(0..<n)
      stream.shuffle(&order)
      var start = 0
      for j in 0..<k {
        let size = n / k + (j < n % k ? 1 : 0)
        members[j] = order[start..<(start + size)].sorted()
        start += size
      }
    case .iterative:
      let f = try IterativeStratification.assign(labels: ds.labelMatrix(), proportions: Array(repeating: 1 / Double(k), count: k), stream: &stream)
      for e in 0..<n { members[f[e]].append(e) }
      if let j = members.firstIndex(where: \.isEmpty) { throw DataError("fold \(j + 1) of \(k) is empty for \(n) examples") }
    }
    return members
  }
}
