import Catalog

/// One built-in optimizer, declared once: its type gives the entry name and the kind model
/// files store (`Adam`); compile accepts the same name in lower case (`adam`).
struct OptimizerDeclaration: Sendable {
  let kind: String
  let summary: String
  let options: [Parameter]
  let defaults: @Sendable () -> Optimizer
  let build: @Sendable (Arguments) throws -> Optimizer

  init<O: Optimizer>(_ type: O.Type, _ summary: String, _ options: [Parameter], defaults: @escaping @Sendable () -> O,
                     build: @escaping @Sendable (Arguments) throws -> O) {
    kind = O.kind
    self.summary = summary
    self.options = options
    self.defaults = defaults
    self.build = build
  }

  /// The name compile accepts (`adam`).
  var name: String { kind.lowercased() }

  var entry: Entry {
    Entry(module: "optim", name: kind, summary: summary, options: options, returns: [Returned(.object("Optimizer"), "the optimizer")]) { a in
      try OptionChecks.atLeastZero(a, "lr")
      try OptionChecks.positive(a, "eps")
      try OptionChecks.fraction(a, "momentum", "beta1", "beta2")
      let o = try build(a)
      o.clipNorm = a.optionalDouble("clipnorm")
      o.clipValue = a.optionalDouble("clipvalue")
      return [.object(o)]
    }
  }
}
