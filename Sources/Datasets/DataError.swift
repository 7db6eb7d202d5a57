/// A failure reading, writing or transforming data, phrased for the person who called:
/// `yeast-bad.arff:57: column 12: expected a number, got "abc"`. Hosts prefix the function.
public struct DataError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }

  /// An error at a place in a file: `path:line: message`.
  public static func at(_ path: String, line: Int, _ message: String) -> DataError {
    DataError("\(path):\(line): \(message)")
  }
}

/// A token as errors quote it: at most 40 characters, in double quotes.
func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
  let s = String(decoding: bytes.prefix(40), as: UTF8.self)
  return "\"" + s + (bytes.count > 40 ? "..." : "") + "\""
}

func quoted(_ s: String) -> String {
  "\"" + (s.count > 40 ? String(s.prefix(40)) + "..." : s) + "\""
}
