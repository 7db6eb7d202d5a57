/// A logged ROC or precision-recall curve: x is the false positive rate or the recall, y the
/// true positive rate or the precision; `area` is the AUC or the average precision.
public struct ReportCurve: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable { case roc, precisionRecall }
  public var name: String
  public var kind: Kind
  public var x: [Double]
  public var y: [Double]
  public var area: Double?

  /// Refuses x and y of different lengths.
  public init(name: String, kind: Kind, x: [Double], y: [Double], area: Double? = nil) throws {
    guard x.count == y.count else {
      throw ReportError("curve '\(name)': x has \(x.count) values and y has \(y.count); expected as many of each")
    }
    self.name = name; self.kind = kind; self.x = x; self.y = y; self.area = area
  }
}
