/// The words after `with` on the command line: named configs (bare words, applied in order)
/// and `key=value` overrides (the value still text, parsed by the host as a literal).
public struct WithArguments: Equatable {
  public var named: [String] = []
  public var assignments: [Assignment] = []

  public struct Assignment: Equatable {
    public let key: String
    public let text: String
  }

  public init() {}

  public init(_ words: [String]) throws {
    for w in words {
      if let eq = w.firstIndex(of: "=") {
        let key = String(w[..<eq]), text = String(w[w.index(after: eq)...])
        guard WithArguments.isKey(key) else {
          throw ConfigError("override '\(w)': '\(key)' is not a config key (words joined by dots, such as optim.lr)")
        }
        assignments.append(Assignment(key: key, text: text))
      } else if WithArguments.isKey(w), !w.contains(".") {
        named.append(w)
      } else {
        throw ConfigError("cannot understand '\(w)' after 'with': expected key=value or the name of a named config")
      }
    }
  }

  static func isKey(_ s: String) -> Bool {
    !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
      guard let first = part.first, first.isLetter || first == "_" else { return false }
      return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
  }

  /// A value that may stand unquoted as a string (`dataset=yeast`, `path=data/x.csv`).
  public static func isBareWord(_ s: String) -> Bool {
    guard let first = s.first, first.isLetter || first == "_" || first == "." || first == "/" else { return false }
    return s.allSatisfy { $0.isLetter || $0.isNumber || "_-./".contains($0) }
  }
}
