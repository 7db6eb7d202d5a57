import Catalog

/// One built-in loss, declared once: the entry that makes it with options (`losses.BinaryCrossentropy`),
/// the kind model files store and compile accepts (`binary_crossentropy`), its short names
/// (`bce`), and how to build it with its defaults. Every list of loss names derives from these.
struct LossDeclaration: Sendable {
  let entry: String
  let kind: String
  let aliases: [String]
  let summary: String
  /// Declares the loss's options and returns how to build it from them.
  let declare: @Sendable (Declarer) -> @Sendable (Arguments) throws -> Loss

  init<L: Loss & SendableMetatype>(_ type: L.Type, entry: String, aliases: [String] = [], _ summary: String,
                declare: @escaping @Sendable (Declarer) -> @Sendable (Arguments) throws -> L) {
    self.entry = entry
    kind = L.kind
    self.aliases = aliases
    self.summary = summary
    self.declare = { d in
      let build = declare(d)
      return { a in try build(a) }
    }
  }

  /// The names compile accepts for this loss: its kind, then its aliases.
  var names: [String] { [kind] + aliases }

  /// The `losses` entry that makes it with options.
  var catalogEntry: Entry {
    Entry(module: "losses", name: entry, summary: summary, returns: [Returned(.object("Loss"), "the loss")]) { d in
      let build = declare(d)
      return { a in [.object(LossObject(try build(a)))] }
    }
  }

  /// Built from its declaration with every option at its default: what compile makes of its
  /// name (`"adam"`), so the defaults live in one place.
  func withDefaults(in catalog: Catalog) throws -> Loss {
    let made = try catalogEntry.call([], in: Session(catalog: catalog)).first
    guard case .object(let o as LossObject)? = made else { throw CatalogError("losses.\(entry) made no loss") }
    return o.loss
  }
}
