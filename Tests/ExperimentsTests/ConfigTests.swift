import Foundation
import Testing
import Catalog
import Experiments

@Suite struct ConfigTests {
  func defaults() throws -> Config {
    var c = Config()
    try c.declare(.table([("lr", .number(1e-3)), ("hidden", .list([.integer(256)])), ("dataset", .string("synthetic")),
                          ("optim", .table([("beta1", .number(0.9)), ("beta2", .number(0.999))]))]))
    return c
  }

  @Test func declaredDefaultsAreSortedAndMerged() throws {
    var c = try defaults()
    try c.declare(.table([("optim", .table([("eps", .number(1e-8))]))]))
    #expect(c["optim.beta1"].map(ConfigPrinter.literal) == "0.9")
    #expect(c["optim.eps"].map(ConfigPrinter.literal) == "1e-08")
    guard case .table(let pairs) = c.root else { Issue.record("not a record"); return }
    #expect(pairs.map(\.key) == ["dataset", "hidden", "lr", "optim"])
  }

  @Test func overridesReplaceAndMark() throws {
    var c = try defaults()
    try c.override("lr", with: .number(3e-4))
    try c.override("optim.beta1", with: .number(0.8))
    try c.override("hidden", with: .list([.integer(512), .integer(256)]))
    try c.override("dataset", with: .integer(3))
    #expect(c["lr"].map(ConfigPrinter.literal) == "0.0003")
    #expect(c["hidden"].map(ConfigPrinter.literal) == "{512, 256}")
    #expect(c.changes["optim.beta1"] == .changed)
    #expect(c.changes["dataset"] == .retyped(from: "string"))
  }

  @Test func unknownKeysAreErrorsWithSuggestions() throws {
    var c = try defaults()
    #expect(throws: ConfigError.self) { try c.override("lrr", with: .number(1)) }
    do { try c.override("lrr", with: .number(1)) } catch let e as ConfigError {
      #expect(e.message.contains("override 'lrr'"))
      #expect(e.message.contains("did you mean 'lr'?"))
    }
    do { try c.override("optim.beta", with: .number(1)) } catch let e as ConfigError {
      #expect(e.message.contains("did you mean 'optim.beta1'?"))
    }
    do { try c.override("lr.x", with: .number(1)) } catch let e as ConfigError {
      #expect(e.message.contains("not a table of settings"))
    }
  }

  @Test func namedConfigsAddAndChange() throws {
    var c = try defaults()
    try c.apply(named: "small", .table([("hidden", .list([.integer(32)])), ("epochs", .integer(2))]))
    #expect(c.changes["hidden"] == .changedBy("small"))
    #expect(c.changes["epochs"] == .addedBy("small"))
    let text = ConfigPrinter.render(c)
    #expect(text.contains("  epochs = 2   -- added by 'small'"))
    #expect(text.contains("  optim = {\n    beta1 = 0.9\n    beta2 = 0.999\n  }"))
  }
}

@Suite struct RunTests {
  @Test func logsSeriesWithSteps() throws {
    let run = Run(id: "t", experiment: "e", seed: 1, config: .table([]), runsDirectory: .init(fileURLWithPath: "/tmp"))
    try run.log("loss", 0.5)
    try run.log("loss", 0.25)
    try run.log("acc", 0.9, step: 10)
    #expect(run.series["loss"] == [.init(step: 1, value: 0.5), .init(step: 2, value: 0.25)])
    #expect(run.seriesNames == ["loss", "acc"])
    run.finish(.completed, result: .table([("f1", .number(0.75)), ("per_label", .list([.number(0.5), .number(1)]))]))
    let text = RunSummary.render(run)
    #expect(text.contains("loss  2 points, last 0.2500 at step 2, min 0.2500, max 0.5000"))
    #expect(text.contains("result:\n  f1         0.7500\n  per_label  {0.5000, 1}"))
  }

  @Test func artifactNamesMustBeSafe() throws {
    for bad in ["", "../x", "/etc/passwd", "a/../b", "a//b", "./x"] {
      #expect(throws: ConfigError.self) { try Run.checkArtifactName(bad) }
    }
    try Run.checkArtifactName("report.txt")
    try Run.checkArtifactName("plots/roc.csv")
    let dir = FileManagerTemp.make()
    let run = Run(id: "r1", experiment: "e", seed: 1, config: .table([]), runsDirectory: dir)
    let url = try run.artifact("notes/a.txt", content: "hello")
    #expect(url.path.hasSuffix("r1/notes/a.txt"))
    #expect(try String(contentsOf: url, encoding: .utf8) == "hello")
  }
}
