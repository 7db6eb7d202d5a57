import Foundation
@testable import PostgresStore
import Sweeps

/// The PostgreSQL server the tests use: `CRESCENT_TEST_POSTGRES` (scripts/test and CI start a
/// throwaway one with scripts/postgres). Tests that need it are skipped, with a notice, when it
/// is not set.
enum TestServer {
  static let url: String? = {
    let url = ProcessInfo.processInfo.environment["CRESCENT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    if url == nil {
      print("notice: CRESCENT_TEST_POSTGRES is not set: the PostgreSQL study store tests are skipped (scripts/test starts a server with scripts/postgres)")
    }
    return url
  }()

  static var available: Bool { url != nil }
}

/// A database of its own on the test server for one test, dropped when the test lets go of it.
final class TestDatabase {
  let name: String
  let url: String
  private let admin: BlockingConnection

  init() throws {
    guard let base = TestServer.url else { throw SweepError("CRESCENT_TEST_POSTGRES is not set") }
    admin = try BlockingConnection(address: try PostgresAddress(url: base))
    name = "crescent_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    try admin.execute("CREATE DATABASE \(name)")
    let slash = base.lastIndex(of: "/")!
    let query = base.firstIndex(of: "?").map { String(base[$0...]) } ?? ""
    url = String(base[...slash]) + name + query
  }

  deinit {
    _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// Ends every connection to this database (as an administrator does, or a failing network).
  @discardableResult
  func terminateConnections() throws -> Int {
    try admin.query("""
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(name) AND pid <> pg_backend_pid()
      """).count
  }

  /// Runs SQL in this database, on a connection of its own.
  func execute(_ sql: String) throws {
    let connection = try BlockingConnection(address: try PostgresAddress(url: url))
    try connection.execute(sql)
  }

  func store() throws -> PostgresStudyStore { try PostgresStudyStore(url: url) }
}

enum Fixtures {
  /// A space with every kind of distribution and a conditional parameter.
  static let space = SearchSpace(parameters: [
    SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 0.1)),
    SweepParameter(key: "hidden", distribution: .choice([.integer(128), .integer(256), .integer(512)])),
    SweepParameter(key: "optimizer", distribution: .choice([.string("adam"), .string("sgd (with \"momentum\")"), .string("x) if y=1")])),
    SweepParameter(key: "momentum", distribution: .uniform(low: 0, high: 0.99, step: nil),
                   condition: .init(key: "optimizer", values: [.string("sgd (with \"momentum\")")])),
    SweepParameter(key: "layers", distribution: .integer(low: 1, high: 4, step: 1, log: false),
                   condition: .init(key: "optimizer", values: [.string("adam"), .string("x) if y=1")])),
    SweepParameter(key: "dropout", distribution: .uniform(low: 0, high: 0.5, step: 0.05)),
    SweepParameter(key: "width", distribution: .integer(low: 8, high: 1024, step: 1, log: true)),
    SweepParameter(key: "blocks", distribution: .integer(low: 16, high: 512, step: 16, log: false)),
  ], objective: "val f1 micro", direction: .maximize)

  static func spec(_ name: String = "yeast", space: SearchSpace = Fixtures.space, sampler: String = "random",
                   seed: UInt64 = 0xFFFF_0000_1234_5678) -> StudySpec {
    StudySpec(name: name, experiment: "yeast-mlp", script: "examples/sweep.lua", with: ["small", "epochs=10", "tag=\"a b\""],
              space: space, sampler: sampler, pruner: "none", seed: seed)
  }

  /// Parameters for trial `n`: a function of the number and of how many trials came before.
  static func params(_ trials: [TrialRecord], _ n: Int) -> [String: Double] {
    ["lr": 0.001 * Double(n + 1), "hidden": Double(n % 3), "seen": Double(trials.count)]
  }
}
