import Catalog

/// Learning-rate schedules, in the `optim` module; they go in fit's callbacks list.
enum ScheduleLibrary {
  static func make(_ name: String, _ summary: String, _ options: [Parameter], _ build: @escaping @Sendable (Arguments) throws -> Callback) -> Entry {
    Entry(module: "optim", name: name, summary: summary, options: options, returns: [Returned(.object("Callback"), "a schedule, for fit's callbacks")]) { a in
      [.object(CallbackObject(try CallbackLibrary.withoutOwnName(name) { try build(a) }, kind: name))]
    }
  }

  static var entries: [Entry] {
    [
      make("StepLR", "Multiplies the learning rate by gamma every step_size epochs (PyTorch's StepLR).",
           [Parameter("step_size", .positiveInteger, "epochs between decays"), Parameter("gamma", .number, "decay factor", default: .number(0.1))]) { a in
        try OptionChecks.positive(a, "gamma")
        return LearningRateSchedule(.step(stepSize: a.int("step_size"), gamma: a.double("gamma")))
      },
      make("ExponentialLR", "Multiplies the learning rate by gamma every epoch.",
           [Parameter("gamma", .number, "decay factor per epoch")]) { a in
        try OptionChecks.positive(a, "gamma")
        return LearningRateSchedule(.exponential(gamma: a.double("gamma")))
      },
      make("CosineLR", "Cosine decay from the initial rate to min_lr over total epochs (or steps), after a linear warm-up.",
           [Parameter("total", .positiveInteger, "epochs (or steps, with per_step) of the whole schedule"),
            Parameter("warmup", .nonNegativeInteger, "epochs (or steps) of linear warm-up", default: .integer(0)),
            Parameter("min_lr", .number, "the final rate", default: .number(0)),
            Parameter("per_step", .bool, "advance every batch instead of every epoch", default: .bool(false))]) { a in
        guard a.int("warmup") < a.int("total") else { throw CatalogError("option 'warmup' must be less than 'total'") }
        return LearningRateSchedule(.cosine(total: a.int("total"), warmup: a.int("warmup"), minLR: a.double("min_lr")), perStep: a.bool("per_step"))
      },
      make("LambdaLR", "Sets the rate at each epoch's start to fn(epoch, lr): epoch from 1, lr the current rate (Keras's LearningRateScheduler).",
           [Parameter("fn", .function, "function(epoch, lr) returning the epoch's rate")]) { a in
        guard case .function(let fn) = a.value("fn") else { preconditionFailure("fn is not a function") }
        return LambdaLR { epoch, lr in
          switch try fn.call([.integer(epoch), .number(lr)]).first {
          case .number(let d)?: return d
          case .integer(let i)?: return Double(i)
          case let v: throw CatalogError("LambdaLR: fn(\(epoch), \(lr)) must return a number, got \(v?.summary ?? "nothing")")
          }
        }
      },
      make("OneCycleLR", "The one-cycle policy, every batch, with PyTorch's OneCycleLR formula: from max_lr/div_factor up to max_lr, then down to max_lr/div_factor/final_div_factor at step total.",
           [Parameter("max_lr", .number, "the peak rate"),
            Parameter("total", .positiveInteger, "steps (batches) of the whole cycle: epochs x batches per epoch"),
            Parameter("pct_start", .numberIn(0, 1), "fraction of the steps spent rising", default: .number(0.3)),
            Parameter("anneal_strategy", .oneOf(OneCycleLR.Anneal.allCases.map(\.rawValue)), "cos or linear", default: .string("cos")),
            Parameter("div_factor", .number, "initial rate = max_lr / div_factor", default: .number(25)),
            Parameter("final_div_factor", .number, "final rate = initial rate / final_div_factor", default: .number(1e4)),
            Parameter("three_phase", .bool, "fall back to the initial rate before annealing to the final one", default: .bool(false))]) { a in
        try OptionChecks.positive(a, "max_lr", "div_factor", "final_div_factor")
        return try OneCycleLR(maxLR: a.double("max_lr"), total: a.int("total"), pctStart: a.double("pct_start"),
                       anneal: OneCycleLR.Anneal(rawValue: a.string("anneal_strategy"))!, divFactor: a.double("div_factor"),
                       finalDivFactor: a.double("final_div_factor"), threePhase: a.bool("three_phase"))
      },
    ]
  }
}
