import Tensors

/// How well a split keeps each label's share: the proportion of positives of every label in
/// each part and in both together, and the largest deviation of a part from the whole.
public struct SplitReport {
  public let labelNames: [String]
  public let trainCount: Int
  public let testCount: Int
  public let train: [Double]
  public let test: [Double]
  public let overall: [Double]
  /// max over labels and parts of |part proportion - overall proportion|.
  public let maxDeviation: Double
  /// The label where it occurs.
  public let worstLabel: String

  public init(train: Dataset, test: Dataset) throws {
    let a = try train.labelMatrix(), b = try test.labelMatrix()
    guard a.shape[1] == b.shape[1] else { throw DataError("train has \(a.shape[1]) labels but test has \(b.shape[1])") }
    let L = a.shape[1]
    func positives(_ t: Tensor) -> [Double] {
      var s = [Double](repeating: 0, count: L)
      t.withUnsafeBufferPointer { p in for r in 0..<t.rows { for l in 0..<L { s[l] += Double(p[r * L + l]) } } }
      return s
    }
    let pa = positives(a), pb = positives(b)
    let na = Double(a.rows), nb = Double(b.rows)
    self.labelNames = train.isClassIndexed ? (0..<L).map(String.init) : train.labelNames
    self.trainCount = a.rows
    self.testCount = b.rows
    self.train = pa.map { $0 / na }
    self.test = pb.map { $0 / nb }
    self.overall = (0..<L).map { (pa[$0] + pb[$0]) / (na + nb) }
    var worst = 0.0, worstIndex = 0
    for l in 0..<L {
      let d = max(abs(self.train[l] - overall[l]), abs(self.test[l] - overall[l]))
      if d > worst { worst = d; worstIndex = l }
    }
    self.maxDeviation = worst
    self.worstLabel = L > 0 ? labelNames[worstIndex] : ""
  }
}
