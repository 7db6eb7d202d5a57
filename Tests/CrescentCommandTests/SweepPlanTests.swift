import ArgumentParser
import Sweeps
import Testing
@testable import crescent

/// The space a sweep searches: the script's ex:sweep with the command line's entries.
@Suite struct SweepPlanTests {
  let declared = SearchSpace(parameters: [SweepParameter(key: "lr", distribution: .logUniform(low: 1e-4, high: 1e-1)),
                                          SweepParameter(key: "hidden", distribution: .choice([.integer(128), .integer(256)]))],
                             objective: "val_f1_micro", direction: .maximize)

  @Test func spaceEntriesReplaceTheDeclaredOnesOrAreAddedAfterThem() throws {
    let options = try SweepOptions.parse(["--space", "lr=loguniform(1e-3, 1e-2)", "--space", "dropout=uniform(0, 0.5)"])
    let space = try SweepPlan.space(declared: declared, options: options, script: "x.lua")
    #expect(space.parameters.map(\.description) == ["lr=loguniform(0.001, 0.01)", "hidden=choice(128, 256)", "dropout=uniform(0.0, 0.5)"])
    #expect(space.objective == "val_f1_micro" && space.direction == .maximize)
  }

  @Test func anObjectiveFromTheCommandLineNeedsADirection() throws {
    let bare = try SweepOptions.parse(["--space", "x=uniform(0, 1)", "--objective", "loss"])
    #expect(throws: SweepError("x.lua: the sweep optimises 'loss' but does not say which way: give --direction minimize or --direction maximize")) {
      try SweepPlan.space(declared: nil, options: bare, script: "x.lua")
    }
    let none = try SweepOptions.parse(["--space", "x=uniform(0, 1)"])
    #expect(throws: SweepError("x.lua: the sweep has no objective: declare it in ex:sweep{ objective = \"val_loss\", direction = \"minimize\" } or give --objective and --direction")) {
      try SweepPlan.space(declared: nil, options: none, script: "x.lua")
    }
    let full = try SweepOptions.parse(["--space", "x=uniform(0, 1)", "--objective", "loss", "--direction", "minimize"])
    let space = try SweepPlan.space(declared: nil, options: full, script: "x.lua")
    #expect(space.objective == "loss" && space.direction == .minimize)
    // The declared direction stays when only the objective is replaced.
    let replaced = try SweepPlan.space(declared: declared, options: try SweepOptions.parse(["--objective", "val_f1_macro"]), script: "x.lua")
    #expect(replaced.objective == "val_f1_macro" && replaced.direction == .maximize)
  }

  @Test func aSpaceEntryThatDoesNotReadIsAnErrorNamingIt() throws {
    #expect(throws: SweepError("--space 'lr': expected key=distribution, such as lr=loguniform(1e-4, 1e-1)")) {
      try SweepPlan.parameter("lr")
    }
    #expect(throws: SweepError("--space 'lr': 'loguniform(1e-4)': loguniform takes 2 numbers, got 1")) {
      try SweepPlan.parameter("lr=loguniform(1e-4)")
    }
    #expect(throws: SweepError.self) { try SweepPlan.parameter("lr=logunifrm(1e-4, 1)") }
  }

  @Test func aGridCapsTheTrialCount() throws {
    #expect(try Sweep.target(nil, capacity: nil) == 10)
    #expect(try Sweep.target(7, capacity: nil) == 7)
    #expect(try Sweep.target(nil, capacity: 6) == 6)
    #expect(try Sweep.target(20, capacity: 6) == 6)
    #expect(try Sweep.target(3, capacity: 6) == 3)
  }
}
