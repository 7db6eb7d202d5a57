/// A plugin that could not be loaded, with a message naming its path.
public struct PluginError: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
