/// A search space, a study or a trial that cannot be used, with what was expected.
public struct SweepError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
