import Testing
@testable import Sweeps

@Suite struct SearchSpaceTextTests {
  /// Every kind of distribution, conditions on one value and on several, dotted keys, strings
  /// needing escapes and numbers needing every bit: the text reads back as the same space.
  @Test func theTextFormReadsBackAsTheSameSpace() throws {
    let space = SearchSpace(parameters: [
      SweepParameter(key: "optimizer", distribution: .choice([.string("adam"), .string("sgd"), .string("say \"hi\"\n\tif x=1")])),
      SweepParameter(key: "lr", distribution: .logUniform(low: 1e-300, high: 0.1)),
      SweepParameter(key: "momentum", distribution: .uniform(low: 0, high: 0.99, step: nil),
                     condition: .init(key: "optimizer", values: [.string("sgd")])),
      SweepParameter(key: "nesterov", distribution: .choice([.bool(true), .bool(false)]),
                     condition: .init(key: "optimizer", values: [.string("sgd"), .string("say \"hi\"\n\tif x=1")])),
      SweepParameter(key: "model.dropout", distribution: .uniform(low: -0.0, high: 0.5, step: 0.1)),
      SweepParameter(key: "hidden", distribution: .integer(low: 16, high: 512, step: 16, log: false)),
      SweepParameter(key: "width", distribution: .integer(low: 8, high: 1024, step: 1, log: true)),
      SweepParameter(key: "epochs", distribution: .integer(low: 1, high: 9, step: 1, log: false)),
      SweepParameter(key: "layers", distribution: .choice([.list([.integer(512), .integer(256)]), .list([.integer(128)]), .number(0.30000000000000004)])),
      SweepParameter(key: "decay", distribution: .uniform(low: 0, high: 1, step: nil),
                     condition: .init(key: "layers", values: [.list([.integer(512), .integer(256)])])),
      SweepParameter(key: "decay2", distribution: .uniform(low: 0, high: 1, step: nil),
                     condition: .init(key: "layers", values: [.list([.integer(512), .integer(256)]), .list([.integer(128)])])),
    ], objective: "val_f1_micro", direction: .maximize)
    let text = space.description
    let back = try SearchSpace(parsing: text)
    #expect(back == space)
    #expect(back.description == text)
    // Bit-exact numbers: -0.0 keeps its sign.
    if case .uniform(let low, _, _) = back.parameters[4].distribution { #expect(low.sign == .minus) }
  }

  @Test func aMinimizedObjectiveAndBlankLinesRead() throws {
    let space = try SearchSpace(parsing: "\nlr=loguniform(0.0001, 0.1)\n\nminimize val_loss\n")
    #expect(space == SearchSpace(parameters: [SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 0.1))],
                                 objective: "val_loss", direction: .minimize))
  }

  @Test func textThatIsNotASpaceIsAnErrorNamingTheLine() throws {
    func message(_ text: String) -> String {
      do { _ = try SearchSpace(parsing: text); return "" } catch { return "\(error)" }
    }
    #expect(message("").contains("empty"))
    #expect(message("lr=uniform(0, 1)").contains("'minimize <objective>' or 'maximize <objective>'"))
    #expect(message("lr=uniform(0, 1)\nbest loss").contains("'best loss'"))
    #expect(message("lr uniform(0, 1)\nminimize loss").contains("expected key=distribution"))
    #expect(message("lr=uniform(0, 1\nminimize loss").contains("closed by ')'"))
    #expect(message("lr=uniform(0, 1) when x=1\nminimize loss").contains("'if parent=value'"))
    #expect(message("lr=normal(0, 1)\nminimize loss").contains("unknown distribution 'normal'"))
    #expect(message("a=choice(1, 2)\nb=uniform(0, 1) if a={1, 2\nminimize loss").contains("expected ',' or '}'"))
  }
}
