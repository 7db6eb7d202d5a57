/// One `key  value` line of a run's config or result, as text.
public struct ReportField: Sendable, Equatable {
  public var key: String
  public var value: String
  public init(_ key: String, _ value: String) { self.key = key; self.value = value }
}
