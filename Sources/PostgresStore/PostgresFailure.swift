import PostgresNIO

/// What an error from the database means for the statement that met it: a lost connection
/// (reconnect and retry), a conflict with another transaction (retry), an error the server or
/// the driver gave for the statement itself (reported at once), or an error that did not come
/// from the database at all (a sampler's, a check's: passed on as it is).
enum PostgresFailure {
  case connectionLost
  case conflict
  case statement
  case foreign

  init(_ error: any Error) {
    if let error = error as? PSQLError {
      switch error.code {
      case .server:
        let state = error.serverInfo?[.sqlState] ?? ""
        if state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300" {
          // connection exceptions; the server shutting down or ending the session; too many connections
          self = .connectionLost
        } else if state == "40001" || state == "40P01" {
          self = .conflict
        } else {
          self = .statement
        }
      case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown,
           .messageDecodingFailure, .unexpectedBackendMessage:
        self = .connectionLost
      default:
        self = .statement
      }
    } else if error is ChannelError || error is IOError || error is NIOConnectionError {
      self = .connectionLost
    } else if error is PostgresDecodingError {
      self = .statement
    } else {
      self = .foreign
    }
  }

  var isRetried: Bool { self == .connectionLost || self == .conflict }

  /// What went wrong, in the server's words where it gave any (PSQLError's own description
  /// hides them).
  static func describe(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let info = error.serverInfo {
        var text = info[.message] ?? "an error"
        if let detail = info[.detail] { text += " (\(detail))" }
        if let state = info[.sqlState] { text += " [SQLSTATE \(state)]" }
        return text
      }
      switch error.code {
      case .serverClosedConnection: return "the server closed the connection"
      case .clientClosedConnection: return "the connection was closed"
      case .uncleanShutdown: return "the connection ended uncleanly"
      case .connectionError: return "the connection failed" + (error.underlying.map { ": \($0)" } ?? "")
      case .sslUnsupported: return "the server does not support TLS, which the address requires (sslmode=require)"
      case .authMechanismRequiresPassword: return "the server asks for a password, and the address has none"
      default: return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
      }
    }
    if let error = error as? PostgresDecodingError {
      return "a column '\(error.columnName)' could not be read as \(error.targetType)"
    }
    return "\(error)"
  }
}
