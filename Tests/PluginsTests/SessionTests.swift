import Catalog
@testable import Plugins
import CrescentMetrics
import NN
import StandardLibrary
import Tensors
import Testing

/// Two sessions in one process share nothing: random streams, plugin additions, run logs and
/// output are each session's own.
@Suite(.serialized) struct SessionTests {
  static func call(_ session: Session, _ name: String, _ args: [Value]) throws -> [Value] {
    try #require(session.catalog.entry(name)).call(args, in: session)
  }

  static func draw(_ session: Session) throws -> [Float] {
    guard case .tensor(let t)? = try call(session, "tensor.rand", [.integer(1), .integer(4)]).first else { throw CatalogError("no tensor") }
    return t.scalars
  }

  /// A small model in `session`, compiled with `loss` and `metrics`.
  static func model(_ session: Session, loss: String = "binary_crossentropy", metrics: [String] = []) throws -> Value {
    guard case .object(let dense)? = try call(session, "nn.Dense", [.integer(2)]).first,
          case .object(let m)? = try call(session, "nn.Sequential", [.object(dense), .table([("input_dim", .integer(3))])]).first else {
      throw CatalogError("no model")
    }
    _ = try call(session, "Model:compile", [.object(m), .table([("optimizer", .string("sgd")), ("loss", .string(loss)),
                                                                 ("metrics", .list(metrics.map { .string($0) }))])])
    return .object(m)
  }

  static func fit(_ session: Session, _ model: Value, epochs: Int = 2, verbose: Int = 0) throws {
    let x = Tensor(shape: [4, 3], scalars: [0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1])
    let y = Tensor(shape: [4, 2], scalars: [0, 1, 1, 0, 1, 1, 0, 0])
    _ = try call(session, "Model:fit", [model, .tensor(x), .tensor(y),
                                        .table([("epochs", .integer(epochs)), ("verbose", .integer(verbose))])])
  }

  @Test func unseededDrawsDoNotDependOnAnotherSession() throws {
    let catalog = Catalog.standard()
    let alone = try Self.draw(Session(catalog: catalog, seed: 7))
    let busy = Session(catalog: catalog, seed: 7), other = Session(catalog: catalog, seed: 7)
    for _ in 0..<3 { _ = try Self.draw(busy) }
    _ = try Self.model(busy)
    #expect(try Self.draw(other) == alone)
    // The same session's later draws are new streams; another root seed gives other values.
    #expect(try Self.draw(busy) != alone)
    #expect(try Self.draw(Session(catalog: catalog, seed: 8)) != alone)
  }

  @Test func pluginAdditionsStayInTheirSession() throws {
    let withPlugin = Catalog.standard()
    try PluginLoader.load(try PluginLoaderTests.example.get(), into: withPlugin)
    let plain = Session(catalog: Catalog.standard(), seed: 1), extended = Session(catalog: withPlugin, seed: 1)
    _ = try Self.model(extended, loss: "squared_hinge", metrics: ["label_cardinality_error"])
    #expect(TrainingMetrics.extraNames(in: withPlugin) == ["label_cardinality_error"])
    #expect(TrainingMetrics.extraNames(in: plain.catalog).isEmpty)
    #expect(plain.catalog.entry("losses.SquaredHinge") == nil)
    do { _ = try Self.model(plain, loss: "squared_hinge"); Issue.record("the plugin's loss was seen") } catch {
      #expect("\(error)".contains("unknown loss \"squared_hinge\""))
    }
    do { _ = try Self.model(plain, metrics: ["label_cardinality_error"]); Issue.record("the plugin's metric was seen") } catch {
      #expect("\(error)".contains("unknown metric 'label_cardinality_error'"))
    }
  }

  @Test func runLogsAndOutputGoToTheirOwnRun() throws {
    let catalog = Catalog.standard()
    var textA = "", textB = ""
    let a = Session(catalog: catalog, seed: 1, output: OutputSink { textA += $0 })
    let b = Session(catalog: catalog, seed: 1, output: OutputSink { textB += $0 })
    var logA: [String] = [], logB: [String] = []
    a.runLog = RunLog { name, _, step in logA.append("\(name)@\(step)") }
    b.runLog = RunLog { name, _, step in logB.append("\(name)@\(step)") }
    try Self.fit(a, try Self.model(a), verbose: 2)
    try Self.fit(a, try Self.model(a), epochs: 1)
    try Self.fit(b, try Self.model(b), epochs: 1)
    // A's second fit is its run's second (fit2/); B's first fit is its run's first, whatever A did.
    #expect(logA == ["loss@1", "loss@2", "fit2/loss@1"])
    #expect(logB == ["loss@1"])
    #expect(a.runLog?.fits == 2 && b.runLog?.fits == 1)
    #expect(textA.hasPrefix("Epoch 1/2 - 1 steps - "))
    #expect(textB.isEmpty)
  }
}
