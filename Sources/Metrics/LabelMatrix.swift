import Tensors

/// A rows x labels matrix stored row-major: truths (0/1), scores or 0/1 predictions.
public struct LabelMatrix<Element> {
  public let rows: Int
  public let labels: Int
  public var values: [Element]

  public init(rows: Int, labels: Int, values: [Element]) {
    precondition(values.count == rows * labels, "\(rows)x\(labels) needs \(rows * labels) values, got \(values.count)")  // cannot fail: callers pass the values of a rows x labels tensor
    self.rows = rows
    self.labels = labels
    self.values = values
  }

  public subscript(row: Int, label: Int) -> Element { values[row * labels + label] }

  public var shapeDescription: String { "\(rows)x\(labels)" }
}

/// Truths: 1 where the label applies to the row, else 0.
public typealias Truths = LabelMatrix<UInt8>
/// Scores (probabilities) or 0/1 predictions, in float64.
public typealias Scores = LabelMatrix<Double>

extension LabelMatrix where Element == UInt8 {
  /// Truths from numbers that must each be 0 or 1; `name` is how errors refer to them.
  public init(checking scores: Scores, name: String) throws {
    var out = [UInt8](repeating: 0, count: scores.values.count)
    for (k, v) in scores.values.enumerated() {
      if v == 1 { out[k] = 1 } else if v != 0 {
        throw TensorError("\(name) must hold only 0 and 1, got \(v) at row \(k / scores.labels + 1), label \(k % scores.labels + 1)")
      }
    }
    self.init(rows: scores.rows, labels: scores.labels, values: out)
  }

  /// Positives per label (the support).
  public var support: [Int] {
    var s = [Int](repeating: 0, count: labels)
    values.withUnsafeBufferPointer { v in
      for i in 0..<rows { for j in 0..<labels { s[j] += Int(v[i * labels + j]) } }
    }
    return s
  }
}

extension LabelMatrix where Element == Double {
  /// Checks that no score is NaN.
  public func checkNoNaN(name: String) throws {
    if let k = values.firstIndex(where: { $0.isNaN }) {
      throw TensorError("\(name) holds NaN at row \(k / labels + 1), label \(k % labels + 1)")
    }
  }

  /// 0/1 predictions: `score >= threshold` (one threshold per label).
  public func thresholded(_ thresholds: [Double]) -> Truths {
    precondition(thresholds.count == labels)  // cannot fail: thresholds come one per label (MetricsLibrary.thresholds)
    var out = [UInt8](repeating: 0, count: values.count)
    values.withUnsafeBufferPointer { v in
      for i in 0..<rows {
        for j in 0..<labels where v[i * labels + j] >= thresholds[j] { out[i * labels + j] = 1 }
      }
    }
    return Truths(rows: rows, labels: labels, values: out)
  }
}

/// Checks the pair every metric takes: same shape, at least one row.
public func checkPair<A, B>(_ truth: LabelMatrix<A>, _ other: LabelMatrix<B>, truthName: String = "y", otherName: String) throws {
  guard truth.rows == other.rows, truth.labels == other.labels else {
    throw TensorError("'\(truthName)' is \(truth.shapeDescription) but '\(otherName)' is \(other.shapeDescription); they must have the same shape (rows x labels)")
  }
  guard truth.rows > 0, truth.labels > 0 else {
    throw TensorError("'\(truthName)' is empty (\(truth.shapeDescription)); metrics need at least one row and one label")
  }
}
