/// How an ARFF file becomes a dataset: where the labels are and how features are encoded.
public struct ArffOptions {
  /// How nominal feature attributes become columns.
  public enum NominalEncoding: String, CaseIterable {
    /// One column holding the value's position in the declaration (0, 1, 2, ...).
    case index
    /// One 0/1 column per declared value, named `attribute=value`.
    case onehot
  }

  /// What a missing value (`?`) in a feature becomes. Missing labels are always errors.
  public enum MissingValues: String, CaseIterable {
    case error
    /// The mean of the column's present values.
    case mean
    case zero
  }

  /// Label attribute names (from a MULAN XML file), located by name; `labelSource` names the
  /// file for messages.
  public var labelNames: [String]? = nil
  public var labelSource: String = ""
  /// The last `lastLabels` attributes are the labels.
  public var lastLabels: Int? = nil
  public var nominal: NominalEncoding = .index
  public var missing: MissingValues = .error

  public init(labelNames: [String]? = nil, labelSource: String = "", lastLabels: Int? = nil,
              nominal: NominalEncoding = .index, missing: MissingValues = .error) {
    self.labelNames = labelNames
    self.labelSource = labelSource
    self.lastLabels = lastLabels
    self.nominal = nominal
    self.missing = missing
  }
}
