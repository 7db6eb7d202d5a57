import Catalog

/// Learning-rate schedules, in the `optim` module; they go in fit's callbacks list.
enum ScheduleLibrary {
  static func make(_ name: String, _ summary: String, _ options: [Parameter], _ build: @escaping (Arguments) throws -> LearningRateSchedule) -> Entry {
    Entry(module: "optim", name: name, summary: summary, options: options, returns: [Returned(.object("Callback"), "a schedule, for fit's callbacks")]) { a in
      [.object(CallbackObject(try build(a), kind: name))]
    }
  }

  static var entries: [Entry] {
    [
      make("StepLR", "Multiplies the learning rate by gamma every step_size epochs (PyTorch's StepLR).",
           [Parameter("step_size", .positiveInteger, "epochs between decays"), Parameter("gamma", .number, "decay factor", default: .number(0.1))]) { a in
        LearningRateSchedule(.step(stepSize: a.int("step_size"), gamma: a.double("gamma")))
      },
      make("ExponentialLR", "Multiplies the learning rate by gamma every epoch.",
           [Parameter("gamma", .number, "decay factor per epoch")]) { a in
        LearningRateSchedule(.exponential(gamma: a.double("gamma")))
      },
      make("CosineLR", "Cosine decay from the initial rate to min_lr over total epochs (or steps), after a linear warm-up.",
           [Parameter("total", .positiveInteger, "epochs (or steps, with per_step) of the whole schedule"),
            Parameter("warmup", .nonNegativeInteger, "epochs (or steps) of linear warm-up", default: .integer(0)),
            Parameter("min_lr", .number, "the final rate", default: .number(0)),
            Parameter("per_step", .bool, "advance every batch instead of every epoch", default: .bool(false))]) { a in
        guard a.int("warmup") < a.int("total") else { throw CatalogError("option 'warmup' must be less than 'total'") }
        return LearningRateSchedule(.cosine(total: a.int("total"), warmup: a.int("warmup"), minLR: a.double("min_lr")), perStep: a.bool("per_step"))
      },
    ]
  }
}
