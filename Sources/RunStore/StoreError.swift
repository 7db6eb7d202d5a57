/// Why the run store could not be opened, read or written; the message names the store's file.
public struct StoreError: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
