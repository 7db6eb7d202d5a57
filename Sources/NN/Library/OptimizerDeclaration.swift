import Catalog

/// One built-in optimizer, declared once: its type gives the entry name and the kind model
/// files store (`Adam`); compile accepts the same name in lower case (`adam`).
struct OptimizerDeclaration: Sendable {
  let kind: String
  let summary: String
  /// Declares the optimizer's own options and returns how to build it from them.
  let declare: @Sendable (Declarer) -> @Sendable (Arguments) throws -> Optimizer

  init<O: Optimizer & SendableMetatype>(_ type: O.Type, _ summary: String, declare: @escaping @Sendable (Declarer) -> @Sendable (Arguments) throws -> O) {
    kind = O.kind
    self.summary = summary
    self.declare = { d in
      let build = declare(d)
      return { a in try build(a) }
    }
  }

  /// The name compile accepts (`adam`).
  var name: String { kind.lowercased() }

  var entry: Entry {
    Entry(module: "optim", name: kind, summary: summary, returns: [Returned(.object("Optimizer"), "the optimizer")]) { d in
      let build = declare(d)
      // Every optimizer clips the same way; these come after its own options.
      let clipNorm = d.option("clipnorm", Double.self, "clip the global gradient norm to this")
      let clipValue = d.option("clipvalue", Double.self, "clip each gradient value to ±this")
      return { a in
        let o = try build(a)
        o.clipNorm = try a[clipNorm]
        o.clipValue = try a[clipValue]
        return [.object(o)]
      }
    }
  }

  /// Built from its declaration with every option at its default: what compile makes of its
  /// name (`"adam"`), so the defaults live in one place.
  func withDefaults(in catalog: Catalog) throws -> Optimizer {
    let made = try entry.call([], in: Session(catalog: catalog)).first
    guard case .object(let o as Optimizer)? = made else { throw CatalogError("\(entry.qualifiedName) made no optimizer") }
    return o
  }
}
