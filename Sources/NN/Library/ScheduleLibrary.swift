import Catalog

extension OneCycleLR.Anneal: ScriptEnum {}

/// Learning-rate schedules, in the `optim` module; they go in fit's callbacks list.
enum ScheduleLibrary {
  static func make(_ name: String, _ summary: String,
                   _ declare: @escaping @Sendable (Declarer) -> @Sendable (Arguments) throws -> Callback) -> Entry {
    Entry(module: "optim", name: name, summary: summary, returns: [Returned(.object("Callback"), "a schedule, for fit's callbacks")]) { d in
      let build = declare(d)
      return { a in [.object(CallbackObject(try CallbackLibrary.withoutOwnName(name) { try build(a) }, kind: name))] }
    }
  }

  static var entries: [Entry] {
    [
      make("StepLR", "Multiplies the learning rate by gamma every step_size epochs (PyTorch's StepLR).") { d in
        let stepSize = d.requiredOption("step_size", Int.self, "epochs between decays", as: .positiveInteger)
        let gamma = d.option("gamma", Double.self, "decay factor", as: .numberAbove(0), default: 0.1)
        return { a in try LearningRateSchedule(.step(stepSize: a[stepSize], gamma: a[gamma])) }
      },
      make("ExponentialLR", "Multiplies the learning rate by gamma every epoch.") { d in
        let gamma = d.requiredOption("gamma", Double.self, "decay factor per epoch", as: .numberAbove(0))
        return { a in try LearningRateSchedule(.exponential(gamma: a[gamma])) }
      },
      make("CosineLR", "Cosine decay from the initial rate to min_lr over total epochs (or steps), after a linear warm-up.") { d in
        let total = d.requiredOption("total", Int.self, "epochs (or steps, with per_step) of the whole schedule", as: .positiveInteger)
        let warmup = d.option("warmup", Int.self, "epochs (or steps) of linear warm-up", as: .nonNegativeInteger, default: 0)
        let minLR = d.option("min_lr", Double.self, "the final rate", default: 0)
        let perStep = d.option("per_step", Bool.self, "advance every batch instead of every epoch", default: false)
        return { a in
          guard try a[warmup] < a[total] else { throw CatalogError("option 'warmup' must be less than 'total'") }
          return try LearningRateSchedule(.cosine(total: a[total], warmup: a[warmup], minLR: a[minLR]), perStep: a[perStep])
        }
      },
      make("LambdaLR", "Sets the rate at each epoch's start to fn(epoch, lr): epoch from 1, lr the current rate (Keras's LearningRateScheduler).") { d in
        let fnArg = d.requiredOption("fn", Value.self, "function(epoch, lr) returning the epoch's rate", as: .function)
        return { a in
          guard case .function(let fn) = try a[fnArg] else { throw CatalogError("option 'fn' expects a function") }
          return LambdaLR { epoch, lr in
            switch try fn.call([.integer(epoch), .number(lr)]).first {
            case .number(let d)?: return d
            case .integer(let i)?: return Double(i)
            case let v: throw CatalogError("LambdaLR: fn(\(epoch), \(lr)) must return a number, got \(v?.summary ?? "nothing")")
            }
          }
        }
      },
      make("OneCycleLR", "The one-cycle policy, every batch, with PyTorch's OneCycleLR formula: from max_lr/div_factor up to max_lr, then down to max_lr/div_factor/final_div_factor at step total.") { d in
        let maxLR = d.requiredOption("max_lr", Double.self, "the peak rate", as: .numberAbove(0))
        let total = d.requiredOption("total", Int.self, "steps (batches) of the whole cycle: epochs x batches per epoch", as: .positiveInteger)
        let pctStart = d.option("pct_start", Double.self, "fraction of the steps spent rising", as: .numberIn(0, 1), default: 0.3)
        let anneal = d.option("anneal_strategy", OneCycleLR.Anneal.self, "cos or linear", default: .cos)
        let divFactor = d.option("div_factor", Double.self, "initial rate = max_lr / div_factor", as: .numberAbove(0), default: 25)
        let finalDivFactor = d.option("final_div_factor", Double.self, "final rate = initial rate / final_div_factor", as: .numberAbove(0), default: 1e4)
        let threePhase = d.option("three_phase", Bool.self, "fall back to the initial rate before annealing to the final one", default: false)
        return { a in
          try OneCycleLR(maxLR: a[maxLR], total: a[total], pctStart: a[pctStart], anneal: a[anneal], divFactor: a[divFactor],
                         finalDivFactor: a[finalDivFactor], threePhase: a[threePhase])
        }
      },
    ]
  }
}
