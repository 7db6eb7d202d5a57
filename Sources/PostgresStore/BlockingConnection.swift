import Foundation
import PostgresNIO
import Sweeps

/// One connection to a PostgreSQL server, used from ordinary (non-async) threads: the only
/// place the store meets postgres-nio's asynchronous world. The connection runs on an event
/// loop group of its own (one thread), and each statement blocks the calling thread until the
/// server answers, so a transaction, and the sampler called in the middle of one, stay on the
/// caller's thread. Not for use from two threads at once.
///
/// A connection that drops is made again with a short backoff, and the whole operation (a
/// transaction is retried whole, the server having rolled it back) runs again; so do
/// operations that lost a deadlock or a serialization conflict. When every try fails, the
/// error names the server, what was being done and what failed.
final class BlockingConnection {
  let address: PostgresAddress
  /// Seconds to wait before each retry; one try more than there are delays.
  var retryDelays: [Double] = [0.05, 0.2, 0.5, 1, 2]
  private let configuration: PostgresConnection.Configuration
  private let group: MultiThreadedEventLoopGroup
  private var connection: PostgresConnection?
  private var nextID = 0
  private let logger: Logger = {
    var logger = Logger(label: "crescent.postgres")
    logger.logLevel = .critical
    return logger
  }()

  init(address: PostgresAddress) throws {
    self.address = address
    do { configuration = try address.configuration() } catch {
      throw SweepError("\(address): TLS cannot be set up: \(error)")
    }
    group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    // Fully made from here: when connecting fails, deinit shuts the group down.
    try perform("connecting") { _ = try live() }
  }

  deinit {
    if let connection { try? connection.close().wait() }
    try? group.syncShutdownGracefully()
  }

  /// Runs `body`, retrying it from the start after a lost connection or a conflict. Errors
  /// the body throws that did not come from the database pass through unchanged.
  func perform<T>(_ what: String, _ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      do {
        return try body()
      } catch {
        let failure = PostgresFailure(error)
        if failure == .foreign { throw error }
        if failure == .connectionLost { drop() }
        guard failure.isRetried, attempt < retryDelays.count else {
          let tries = attempt > 0 ? " after \(attempt + 1) tries" : ""
          throw SweepError("\(address): \(what) failed\(tries): \(PostgresFailure.describe(error))")
        }
        Thread.sleep(forTimeInterval: retryDelays[attempt])
        attempt += 1
      }
    }
  }

  /// Runs `body` in one transaction (`BEGIN` ... `COMMIT`, rolled back when it throws),
  /// retried whole as `perform` retries.
  func transaction<T>(_ what: String, _ body: (BlockingConnection) throws -> T) throws -> T {
    try perform(what) {
      try execute("BEGIN")
      do {
        let result = try body(self)
        try execute("COMMIT")
        return result
      } catch {
        if let connection, !connection.isClosed { _ = try? execute("ROLLBACK") }
        throw error
      }
    }
  }

  /// Runs one statement and returns its rows (autocommit outside a transaction).
  @discardableResult
  func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
    let connection = try live()
    return try connection.query(query, logger: logger).wait()
  }

  /// Runs SQL that takes no parameters.
  @discardableResult
  func execute(_ sql: String) throws -> PostgresQueryResult {
    try query(PostgresQuery(unsafeSQL: sql))
  }

  /// The open connection, made when there is none (or the last one closed).
  private func live() throws -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    drop()
    nextID += 1
    let made = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: nextID, logger: logger).wait()
    connection = made
    return made
  }

  private func drop() {
    if let connection {
      self.connection = nil
      if !connection.isClosed { try? connection.close().wait() }
    }
  }
}
