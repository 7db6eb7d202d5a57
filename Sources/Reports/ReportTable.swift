/// A per-label table: one row per label, one value per column.
public struct ReportTable: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public init(label: String, values: [Double]) { self.label = label; self.values = values }
  }
  public var columns: [String]
  public var rows: [Row]

  /// Refuses a row with more or fewer values than there are columns.
  public init(columns: [String], rows: [Row]) throws {
    for row in rows where row.values.count != columns.count {
      throw ReportError("per-label table: row '\(row.label)' has \(row.values.count) values for \(columns.count) columns")
    }
    self.columns = columns; self.rows = rows
  }
}
