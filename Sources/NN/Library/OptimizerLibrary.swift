import Catalog
import Tensors

/// The `optim` module: optimizers with PyTorch's update rules and defaults.
enum OptimizerLibrary {
  static func lr(_ d: Declarer, _ value: Double) -> Arg<Double> {
    d.option("lr", Double.self, "learning rate (>= 0)", as: .numberAtLeast(0), default: value)
  }
  static func eps(_ d: Declarer, _ value: Double) -> Arg<Double> {
    d.option("eps", Double.self, "added to the denominator (> 0)", as: .numberAbove(0), default: value)
  }
  static func decay(_ d: Declarer, _ name: String, _ doc: String, _ value: Double) -> Arg<Double> {
    d.option(name, Double.self, doc, as: .numberInHalfOpen(0, 1), default: value)
  }
  static func weightDecay(_ d: Declarer) -> Arg<Double> {
    d.option("weight_decay", Double.self, "L2 penalty added to the gradient (decoupled for AdamW)", default: 0)
  }

  /// The built-in optimizers; adding one is its file and one declaration here.
  static var declared: [OptimizerDeclaration] {
    [
      OptimizerDeclaration(SGD.self, "Stochastic gradient descent, with momentum or Nesterov momentum (PyTorch's rule).") { d in
        let lr = lr(d, 1e-3), momentum = decay(d, "momentum", "momentum factor, in [0, 1)", 0)
        let dampening = d.option("dampening", Double.self, "dampening of momentum", default: 0)
        let nesterov = d.option("nesterov", Bool.self, "Nesterov momentum", default: false)
        let weightDecay = weightDecay(d)
        return { a in
          try SGD(learningRate: a[lr], momentum: a[momentum], dampening: a[dampening], nesterov: a[nesterov], weightDecay: a[weightDecay])
        }
      },
      OptimizerDeclaration(Adam.self, "Adam (PyTorch's rule: eps after the square root of the bias-corrected second moment).") { d in
        let lr = lr(d, 1e-3), beta1 = decay(d, "beta1", "first-moment decay, in [0, 1)", 0.9)
        let beta2 = decay(d, "beta2", "second-moment decay, in [0, 1)", 0.999), eps = eps(d, 1e-8), weightDecay = weightDecay(d)
        return { a in
          try Adam(learningRate: a[lr], beta1: a[beta1], beta2: a[beta2], epsilon: a[eps], weightDecay: a[weightDecay])
        }
      },
      OptimizerDeclaration(AdamW.self, "Adam with decoupled weight decay (default 0.01).") { d in
        let lr = lr(d, 1e-3), beta1 = decay(d, "beta1", "first-moment decay, in [0, 1)", 0.9)
        let beta2 = decay(d, "beta2", "second-moment decay, in [0, 1)", 0.999), eps = eps(d, 1e-8)
        let weightDecay = d.option("weight_decay", Double.self, "decoupled weight decay", default: 0.01)
        return { a in
          try AdamW(learningRate: a[lr], beta1: a[beta1], beta2: a[beta2], epsilon: a[eps], weightDecay: a[weightDecay])
        }
      },
      OptimizerDeclaration(RMSprop.self, "RMSprop (PyTorch's rule: eps outside the square root), optional momentum and centering.") { d in
        let lr = lr(d, 1e-2)
        let alpha = d.option("alpha", Double.self, "smoothing constant", as: .numberIn(0, 1), default: 0.99)
        let eps = eps(d, 1e-8), momentum = decay(d, "momentum", "momentum factor, in [0, 1)", 0)
        let centered = d.option("centered", Bool.self, "normalise by the centred second moment", default: false)
        let weightDecay = weightDecay(d)
        return { a in
          try RMSprop(learningRate: a[lr], alpha: a[alpha], epsilon: a[eps], momentum: a[momentum], centered: a[centered],
                      weightDecay: a[weightDecay])
        }
      },
      OptimizerDeclaration(Adagrad.self, "Adagrad (PyTorch's rule: accumulator starts at 0, eps 1e-10).") { d in
        let lr = lr(d, 1e-2)
        let lrDecay = d.option("lr_decay", Double.self, "learning-rate decay per step", default: 0)
        let eps = eps(d, 1e-10), weightDecay = weightDecay(d)
        return { a in try Adagrad(learningRate: a[lr], lrDecay: a[lrDecay], epsilon: a[eps], weightDecay: a[weightDecay]) }
      },
    ]
  }

  static var entries: [Entry] {
    declared.map(\.entry) + [
      Entry(module: "optim", name: "step", summary: "One update of tensors with their gradients, in place: `local loss, grads = model:gradients(xb, yb); opt:step(model:parameters(), grads)`.",
            methodOf: "Optimizer") { d in
        let optimizer = d.object("optimizer", Optimizer.self, "the optimizer")
        let parameters = d.parameter("parameters", Value.self, "a model, or the tensors to update (model:parameters(), or tensors made with :requires_grad())", as: .either(.object("Model"), .list(.tensor)))
        let gradients = d.parameter("gradients", [Tensor].self, "one gradient per parameter", as: .list(.tensorLike))
        return { a in
          let opt = try a[optimizer], grads = try a[gradients]
          switch try a[parameters] {
          case .object(let m as Model): try step(opt, m.network.parameters, grads)
          case .list(let items):
            // The gradients go in as given (not zeros to be overwritten).
            let weights = zip(items, grads).enumerated().compactMap { k, pair -> Weight? in
              guard case .tensor(let t) = pair.0 else { return nil }
              return Weight(name: "parameter \(k + 1)", value: t, grad: pair.1)
            }
            try step(opt, weights, grads)
          case let v: throw CatalogError("argument 2 ('parameters') expects a model or a list of tensors, got \(v.summary)")
          }
          return []
        }
      },
      Entry(module: "optim", name: "set_lr", summary: "Sets the learning rate, and the rate schedules start from.",
            methodOf: "Optimizer") { d in
        let optimizer = d.object("optimizer", Optimizer.self, "the optimizer")
        let lr = d.parameter("lr", Double.self, "the new rate", as: .numberAtLeast(0))
        return { a in
          try a[optimizer].setLearningRate(a[lr])
          return []
        }
      },
    ] + ScheduleLibrary.entries
  }

  /// An optimizer by name with its defaults (`compile{optimizer = "adam"}`).
  static func named(_ name: String, in catalog: Catalog) throws -> Optimizer {
    let declared = Self.declared
    if let d = declared.first(where: { $0.name == name.lowercased() }) { return try d.withDefaults(in: catalog) }
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
    // Shared, not copied: the step only reads a gradient (clipping writes into its own copy),
    // and a backward pass writes new buffers while a caller holds these.
    for (p, g) in zip(params, grads) where p.grad.storage !== g.storage { p.grad = g }
    opt.step(params)
  }
}
