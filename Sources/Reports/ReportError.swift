/// Input a report cannot be drawn from, said in the user's terms.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
