import Foundation
import PostgresNIO
import Sweeps

/// Where a PostgreSQL study store lives, read from `postgres://user:password@host:port/database`
/// (also `postgresql://`; the port defaults to 5432, the database to the user's name). An
/// optional `?sslmode=disable|prefer|require` chooses TLS; `prefer` (the default) uses it when
/// the server offers it. Its description names the server without the password.
struct PostgresAddress: CustomStringConvertible, Sendable {
  enum TLSMode: String, Sendable { case disable, prefer, require }

  var host: String
  var port: Int
  var user: String
  var password: String?
  var database: String
  var tls: TLSMode

  init(url: String) throws {
    func fail(_ what: String) -> SweepError {
      SweepError("--store '\(PostgresAddress.hidingPassword(url))': \(what); expected postgres://user:password@host:port/database")
    }
    guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased() else {
      throw fail("not an address")
    }
    guard scheme == "postgres" || scheme == "postgresql" else { throw fail("the scheme must be postgres://, got \(scheme)://") }
    guard let host = parts.host, !host.isEmpty else { throw fail("no host") }
    guard let user = parts.user, !user.isEmpty else { throw fail("no user name") }
    self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    port = parts.port ?? 5432
    guard (1...65535).contains(port) else { throw fail("the port \(port) is not one of 1 to 65535") }
    self.user = user
    password = parts.password
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    guard !path.contains("/") else { throw fail("the database name '\(path)' has a '/' in it") }
    database = path.isEmpty ? user : path
    tls = .prefer
    for item in parts.queryItems ?? [] {
      switch item.name {
      case "sslmode":
        guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
          throw fail("sslmode must be disable, prefer or require, got '\(item.value ?? "")'")
        }
        tls = mode
      default:
        throw fail("unknown setting '\(item.name)' (the address takes sslmode only)")
      }
    }
  }

  /// The same server with another database (the tests make one database per test).
  func with(database: String) -> PostgresAddress {
    var copy = self
    copy.database = database
    return copy
  }

  var description: String {
    "PostgreSQL server \(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
  }

  func configuration() throws -> PostgresConnection.Configuration {
    let mode: PostgresConnection.Configuration.TLS
    switch tls {
    case .disable: mode = .disable
    case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
    case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
    }
    var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: mode)
    configuration.options.connectTimeout = .seconds(10)
    configuration.options.additionalStartupParameters = [("application_name", "crescent")]
    return configuration
  }

  /// The address with its password replaced by `***`, for messages.
  static func hidingPassword(_ url: String) -> String {
    guard let at = url.lastIndex(of: "@"), let schemeEnd = url.range(of: "://") else { return url }
    let credentials = url[schemeEnd.upperBound..<at]
    guard let colon = credentials.firstIndex(of: ":") else { return url }
    return String(url[..<colon]) + ":***" + String(url[at...])
  }
}
