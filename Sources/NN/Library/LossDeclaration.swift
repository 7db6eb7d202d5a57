import Catalog

/// One built-in loss, declared once: the entry that makes it with options (`losses.BinaryCrossentropy`),
/// the kind model files store and compile accepts (`binary_crossentropy`), its short names
/// (`bce`), and how to build it with its defaults. Every list of loss names derives from these.
struct LossDeclaration: Sendable {
  let entry: String
  let kind: String
  let aliases: [String]
  let summary: String
  let defaults: @Sendable () -> Loss
  /// Declares the loss's options and returns how to build it from them.
  let declare: @Sendable (Declarer) -> @Sendable (Arguments) throws -> Loss

  init<L: Loss & SendableMetatype>(_ type: L.Type, entry: String, aliases: [String] = [], _ summary: String,
                defaults: @escaping @Sendable () -> L, declare: @escaping @Sendable (Declarer) -> @Sendable (Arguments) throws -> L) {
    self.entry = entry
    kind = L.kind
    self.aliases = aliases
    self.summary = summary
    self.defaults = defaults
    self.declare = { d in
      let build = declare(d)
      return { a in try build(a) }
    }
  }

  /// The names compile accepts for this loss: its kind, then its aliases.
  var names: [String] { [kind] + aliases }
}
