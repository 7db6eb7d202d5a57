import Tensors

/// Counts that every threshold metric is computed from: the confusion counts per label and,
/// for `samples` averaging, the per-row sums of the per-row scores (kept in row order so a
/// stream of batches gives exactly the whole-array result).
public struct ConfusionCounts: Equatable {
  public var labels: Int
  public var tp: [Int], fp: [Int], fn: [Int], tn: [Int]
  public var rows = 0
  /// Cells where the prediction differs from the truth, and rows predicted exactly.
  public var mismatches = 0, exactRows = 0
  /// Σ over rows of the row's precision, recall, F1 and Jaccard (zero_division for 0/0).
  public var rowPrecision = 0.0, rowRecall = 0.0, rowF1 = 0.0, rowJaccard = 0.0
  public let zeroDivision: Double

  public init(labels: Int, zeroDivision: Double = 0) {
    self.labels = labels
    tp = Array(repeating: 0, count: labels); fp = tp; fn = tp; tn = tp
    self.zeroDivision = zeroDivision
  }

  /// Adds rows of 0/1 truths and 0/1 predictions (row-major, `labels` wide; values 0 or 1).
  public mutating func add(truth: UnsafeBufferPointer<UInt8>, predicted: UnsafeBufferPointer<UInt8>, rows n: Int) {
    let L = labels
    guard n > 0, L > 0 else { rows += n; return }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * L) { cells in
      ConfusionCounts.countCells(truth: truth.baseAddress!, predicted: predicted.baseAddress!, rows: n, labels: L,  // cannot fail: buffers from arrays or temporary allocations have addresses
                                 into: cells.baseAddress!)  // cannot fail: buffers from arrays or temporary allocations have addresses
      add(cells: cells.baseAddress!, rows: n)  // cannot fail: buffers from arrays or temporary allocations have addresses
    }
    addRowSums(truth: truth.baseAddress!, predicted: predicted.baseAddress!, rows: n)  // cannot fail: buffers from arrays or temporary allocations have addresses
  }

  /// Per label j, `cells[4j + 2·truth + prediction]` counts the cells of each kind.
  static func countCells(truth: UnsafePointer<UInt8>, predicted: UnsafePointer<UInt8>, rows n: Int, labels L: Int,
                         into cells: UnsafeMutablePointer<Int>) {
    cells.update(repeating: 0, count: 4 * L)
    for i in 0..<n {
      let t = truth + i * L, p = predicted + i * L
      for j in 0..<L { cells[4 * j + Int(t[j] << 1 | p[j])] &+= 1 }
    }
  }

  /// Adds a batch's per-label counts (`countCells`): the confusion counts, the mismatches and
  /// the rows. `exactRows` and the per-row sums come from `addRowSums`.
  mutating func add(cells: UnsafePointer<Int>, rows n: Int) {
    var wrong = 0
    for j in 0..<labels {
      tn[j] += cells[4 * j]; fp[j] += cells[4 * j + 1]; fn[j] += cells[4 * j + 2]; tp[j] += cells[4 * j + 3]
      wrong += cells[4 * j + 1] + cells[4 * j + 2]
    }
    mismatches += wrong
    rows += n
  }

  /// Adds the rows' exact matches and their precision, recall, F1 and Jaccard, row by row.
  mutating func addRowSums(truth: UnsafePointer<UInt8>, predicted: UnsafePointer<UInt8>, rows n: Int) {
    let L = labels, zeroDivision = self.zeroDivision
    @inline(__always) func divide(_ a: Int, _ b: Int) -> Double { b == 0 ? zeroDivision : Double(a) / Double(b) }
    var exactRows = self.exactRows
    var rowPrecision = self.rowPrecision, rowRecall = self.rowRecall, rowF1 = self.rowF1, rowJaccard = self.rowJaccard
    for i in 0..<n {
      var rowTP = 0, rowTrue = 0, rowPred = 0
      let t = truth + i * L, p = predicted + i * L
      for j in 0..<L {
        let a = Int(t[j]), b = Int(p[j])
        rowTrue &+= a; rowPred &+= b; rowTP &+= a & b
      }
      if rowTrue + rowPred - 2 * rowTP == 0 { exactRows += 1 }
      rowPrecision += divide(rowTP, rowPred)
      rowRecall += divide(rowTP, rowTrue)
      rowF1 += divide(2 * rowTP, rowTrue + rowPred)
      rowJaccard += divide(rowTP, rowTrue + rowPred - rowTP)
    }
    self.exactRows = exactRows
    self.rowPrecision = rowPrecision; self.rowRecall = rowRecall; self.rowF1 = rowF1; self.rowJaccard = rowJaccard
  }

  /// Back to no rows, keeping the arrays' storage.
  public mutating func clear(labels: Int) {
    self.labels = labels
    func zero(_ a: inout [Int]) {
      a.removeAll(keepingCapacity: true)
      a.append(contentsOf: repeatElement(0, count: labels))
    }
    zero(&tp); zero(&fp); zero(&fn); zero(&tn)
    rows = 0; mismatches = 0; exactRows = 0
    rowPrecision = 0; rowRecall = 0; rowF1 = 0; rowJaccard = 0
  }

  public init(_ truth: Truths, _ predicted: Truths, zeroDivision: Double = 0) {
    self.init(labels: truth.labels, zeroDivision: zeroDivision)
    truth.values.withUnsafeBufferPointer { t in
      predicted.values.withUnsafeBufferPointer { p in add(truth: t, predicted: p, rows: truth.rows) }
    }
  }

  @inline(__always) func divide(_ a: Int, _ b: Int) -> Double {
    b == 0 ? zeroDivision : Double(a) / Double(b)
  }

  public var support: [Int] { zip(tp, fn).map { $0 + $1 } }
}

/// The threshold metrics of scikit-learn's `precision_recall_fscore_support` and
/// `jaccard_score` with `zero_division`, and the cell and row accuracies.
public enum ThresholdMetric: String, CaseIterable, Sendable {
  case precision, recall, f1, jaccard

  /// The value for the counts `tp`, `fp`, `fn` of one label or pooled.
  func value(tp: Int, fp: Int, fn: Int, zeroDivision: Double) -> Double {
    let (num, den): (Int, Int)
    switch self {
    case .precision: (num, den) = (tp, tp + fp)
    case .recall: (num, den) = (tp, tp + fn)
    case .f1: (num, den) = (2 * tp, 2 * tp + fp + fn)
    case .jaccard: (num, den) = (tp, tp + fp + fn)
    }
    return den == 0 ? zeroDivision : Double(num) / Double(den)
  }

  public func perLabel(_ c: ConfusionCounts) -> [Double] {
    (0..<c.labels).map { value(tp: c.tp[$0], fp: c.fp[$0], fn: c.fn[$0], zeroDivision: c.zeroDivision) }
  }

  public func value(_ c: ConfusionCounts, average: Average) -> MetricValue {
    switch average {
    case .none: return .perLabel(perLabel(c))
    case .micro:
      return .scalar(value(tp: c.tp.reduce(0, +), fp: c.fp.reduce(0, +), fn: c.fn.reduce(0, +), zeroDivision: c.zeroDivision))
    case .macro:
      return .scalar(perLabel(c).reduce(0, +) / Double(c.labels))
    case .weighted:
      // scikit-learn weights by support; with no support at all the weights are dropped.
      let per = perLabel(c), w = c.support, total = w.reduce(0, +)
      if total == 0 { return .scalar(per.reduce(0, +) / Double(c.labels)) }
      var s = 0.0
      for (v, k) in zip(per, w) { s += v * Double(k) }
      return .scalar(s / Double(total))
    case .samples:
      let sum: Double
      switch self {
      case .precision: sum = c.rowPrecision
      case .recall: sum = c.rowRecall
      case .f1: sum = c.rowF1
      case .jaccard: sum = c.rowJaccard
      }
      return .scalar(sum / Double(c.rows))
    }
  }

  /// The metric for truths and predictions (0/1, or scores thresholded with `thresholds`).
  public func compute(_ truth: Truths, _ predicted: Truths, average: Average, zeroDivision: Double = 0) throws -> MetricValue {
    try checkPair(truth, predicted, otherName: "p")
    return value(ConfusionCounts(truth, predicted, zeroDivision: zeroDivision), average: average)
  }
}

extension ConfusionCounts {
  /// Fraction of cells predicted wrongly (scikit-learn's `hamming_loss`).
  public var hammingLoss: Double { Double(mismatches) / (Double(rows) * Double(labels)) }
  /// Fraction of rows predicted exactly (scikit-learn's multilabel `accuracy_score`).
  public var subsetAccuracy: Double { Double(exactRows) / Double(rows) }
  /// Fraction of cells predicted rightly (Keras's `binary_accuracy`).
  public var binaryAccuracy: Double {
    Double(rows * labels - mismatches) / (Double(rows) * Double(labels))
  }
  /// scikit-learn's `multilabel_confusion_matrix`: per label [[tn, fp], [fn, tp]].
  public var matrices: [[[Int]]] {
    (0..<labels).map { [[tn[$0], fp[$0]], [fn[$0], tp[$0]]] }
  }
}
