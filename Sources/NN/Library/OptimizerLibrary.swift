import Catalog
import Tensors

/// The `optim` module: optimizers with PyTorch's update rules and defaults.
enum OptimizerLibrary {
  static let common: [Parameter] = [
    Parameter("weight_decay", .number, "L2 penalty added to the gradient (decoupled for AdamW)", default: .number(0)),
    Parameter("clipnorm", .number, "clip the global gradient norm to this", optional: true),
    Parameter("clipvalue", .number, "clip each gradient value to ±this", optional: true),
  ]

  static func lr(_ d: Double) -> Parameter { Parameter("lr", .number, "learning rate (>= 0)", default: .number(d)) }

  /// The built-in optimizers; adding one is its file and one declaration here.
  static var declared: [OptimizerDeclaration] {
    [
      OptimizerDeclaration(SGD.self, "Stochastic gradient descent, with momentum or Nesterov momentum (PyTorch's rule).",
                  [lr(1e-3), Parameter("momentum", .number, "momentum factor, in [0, 1)", default: .number(0)),
                   Parameter("dampening", .number, "dampening of momentum", default: .number(0)),
                   Parameter("nesterov", .bool, "Nesterov momentum", default: .bool(false))] + common, defaults: { SGD() }) { a in
        SGD(learningRate: a.double("lr"), momentum: a.double("momentum"), dampening: a.double("dampening"),
            nesterov: a.bool("nesterov"), weightDecay: a.double("weight_decay"))
      },
      OptimizerDeclaration(Adam.self, "Adam (PyTorch's rule: eps after the square root of the bias-corrected second moment).",
                  [lr(1e-3), Parameter("beta1", .number, "first-moment decay, in [0, 1)", default: .number(0.9)),
                   Parameter("beta2", .number, "second-moment decay, in [0, 1)", default: .number(0.999)),
                   Parameter("eps", .number, "added to the denominator (> 0)", default: .number(1e-8))] + common, defaults: { Adam() }) { a in
        Adam(learningRate: a.double("lr"), beta1: a.double("beta1"), beta2: a.double("beta2"), epsilon: a.double("eps"),
             weightDecay: a.double("weight_decay"))
      },
      OptimizerDeclaration(AdamW.self, "Adam with decoupled weight decay (default 0.01).",
                  [lr(1e-3), Parameter("beta1", .number, "first-moment decay, in [0, 1)", default: .number(0.9)),
                   Parameter("beta2", .number, "second-moment decay, in [0, 1)", default: .number(0.999)),
                   Parameter("eps", .number, "added to the denominator (> 0)", default: .number(1e-8)),
                   Parameter("weight_decay", .number, "decoupled weight decay", default: .number(0.01)),
                   Parameter("clipnorm", .number, "clip the global gradient norm to this", optional: true),
                   Parameter("clipvalue", .number, "clip each gradient value to ±this", optional: true)], defaults: { AdamW() }) { a in
        AdamW(learningRate: a.double("lr"), beta1: a.double("beta1"), beta2: a.double("beta2"), epsilon: a.double("eps"),
              weightDecay: a.double("weight_decay"))
      },
      OptimizerDeclaration(RMSprop.self, "RMSprop (PyTorch's rule: eps outside the square root), optional momentum and centering.",
                  [lr(1e-2), Parameter("alpha", .numberIn(0, 1), "smoothing constant", default: .number(0.99)),
                   Parameter("eps", .number, "added to the denominator (> 0)", default: .number(1e-8)),
                   Parameter("momentum", .number, "momentum factor, in [0, 1)", default: .number(0)),
                   Parameter("centered", .bool, "normalise by the centred second moment", default: .bool(false))] + common,
                  defaults: { RMSprop() }) { a in
        RMSprop(learningRate: a.double("lr"), alpha: a.double("alpha"), epsilon: a.double("eps"), momentum: a.double("momentum"),
                centered: a.bool("centered"), weightDecay: a.double("weight_decay"))
      },
      OptimizerDeclaration(Adagrad.self, "Adagrad (PyTorch's rule: accumulator starts at 0, eps 1e-10).",
                  [lr(1e-2), Parameter("lr_decay", .number, "learning-rate decay per step", default: .number(0)),
                   Parameter("eps", .number, "added to the denominator (> 0)", default: .number(1e-10))] + common,
                  defaults: { Adagrad() }) { a in
        Adagrad(learningRate: a.double("lr"), lrDecay: a.double("lr_decay"), epsilon: a.double("eps"), weightDecay: a.double("weight_decay"))
      },
    ]
  }

  static var entries: [Entry] {
    declared.map(\.entry) + [
      Entry(module: "optim", name: "step", summary: "One update of tensors with their gradients, in place: `local loss, grads = model:gradients(xb, yb); opt:step(model:parameters(), grads)`.",
            parameters: [Parameter("optimizer", .object("Optimizer"), "the optimizer"),
                         Parameter("parameters", .either(.object("Model"), .list(.tensor)), "a model, or the tensors to update (model:parameters(), or tensors made with :requires_grad())"),
                         Parameter("gradients", .list(.tensorLike), "one gradient per parameter")],
            methodOf: "Optimizer") { a in
        guard case .object(let o) = a.value("optimizer"), let opt = o as? Optimizer else { return [] }
        let grads = a.list("gradients").compactMap(Convert.tensor)
        switch a.value("parameters") {
        case .object(let mo): try step(opt, (mo as! Model).network.parameters, grads)
        case .list(let items):
          let weights = items.enumerated().compactMap { k, v -> Weight? in
            guard case .tensor(let t) = v else { return nil }
            return Weight(name: "parameter \(k + 1)", value: t)
          }
          try step(opt, weights, grads)
        default: preconditionFailure()
        }
        return []
      },
      Entry(module: "optim", name: "set_lr", summary: "Sets the learning rate, and the rate schedules start from.",
            parameters: [Parameter("optimizer", .object("Optimizer"), "the optimizer"), Parameter("lr", .number, "the new rate")],
            methodOf: "Optimizer") { a in
        guard case .object(let o) = a.value("optimizer"), let opt = o as? Optimizer else { return [] }
        try OptionChecks.atLeastZero(a, "lr")
        opt.setLearningRate(a.double("lr"))
        return []
      },
    ] + ScheduleLibrary.entries
  }

  /// An optimizer by name with its defaults (`compile{optimizer = "adam"}`).
  static func named(_ name: String) throws -> Optimizer {
    let declared = Self.declared
    if let d = declared.first(where: { $0.name == name.lowercased() }) { return d.defaults() }
    let names = declared.map(\.name)
    let hint = Suggest.closest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
    throw CatalogError("unknown optimizer \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
  }

  /// The names compile accepts, as the documentation lists them.
  static var documentedNames: String { declared.map(\.name).joined(separator: ", ") }

  static func step(_ opt: Optimizer, _ params: [Weight], _ grads: [Tensor]) throws {
    guard grads.count == params.count else { throw CatalogError("expected \(params.count) gradients, got \(grads.count)") }
    for (k, (p, g)) in zip(params, grads).enumerated() where p.value.shape != g.shape {
      throw CatalogError("gradient \(k + 1) has shape \(describeShape(g.shape)), parameter \(p.name) has \(describeShape(p.value.shape))")
    }
    for (p, g) in zip(params, grads) { p.grad = Tensor(shape: g.shape, storage: TensorStorage(copying: g.storage)) }
    opt.step(params)
  }
}
