/// A failure of a tensor operation, phrased for the person who called it:
/// `shapes 128x768 and 512x10 do not line up`. Hosts prefix the function's name.
public struct TensorError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Renders a shape the way errors and summaries print it: `128x768`, `10` or `scalar`.
public func describeShape(_ shape: [Int]) -> String {
  shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "x")
}
