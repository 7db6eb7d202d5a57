/// Why a script did not finish, with the message a person should see.
public struct ScriptError: Error, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    /// The script could not be read.
    case unreadable
    /// The script does not parse.
    case syntax
    /// The script raised an error while running.
    case runtime
    /// Ctrl-C stopped it.
    case interrupted
    /// It ran past its time limit.
    case timeout
    /// It went beyond its memory limit.
    case memory
    /// The experiment's config could not be built (bad overrides, unknown named configs).
    case config
    /// The sweep's pruner stopped the run (`trial pruned at step N`).
    case pruned
  }

  public let kind: Kind
  /// The error message, starting with `file:line:` where Lua knows it.
  public let message: String
  /// Lua's traceback of the failing call, when there is one.
  public let traceback: String?

  public init(kind: Kind, message: String, traceback: String?) {
    self.kind = kind
    self.message = message
    self.traceback = traceback
  }

  public var description: String {
    guard let traceback, !traceback.isEmpty else { return message }
    return message + "\n" + traceback
  }
}
