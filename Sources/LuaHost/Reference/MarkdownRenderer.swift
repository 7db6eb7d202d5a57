import Catalog

/// Renders the whole catalog as one Markdown document (`crescent doc --markdown`, kept as
/// docs/REFERENCE.md): every module with its functions, every object type with its fields and
/// methods, each with its arguments, options, defaults and results.
public struct MarkdownRenderer {
  public let catalog: Catalog
  public init(catalog: Catalog) { self.catalog = catalog }

  private var text: ReferenceRenderer { ReferenceRenderer(catalog: catalog) }

  public func render() -> String {
    var out = """
      # Crescent reference

      Generated from Crescent's catalog by `crescent doc --markdown`: every function, option and \
      default below is the declaration scripts are checked against. `crescent doc <name>` prints \
      one part in the terminal; `crescent types` writes the same as editor definitions.
      Positions count from 1. Options are a table after the arguments (`nn.Dense(64, {activation = "relu"})`); \
      every function that takes options also accepts an empty table.


      """
    out += "| module | |\n|---|---|\n"
    for m in catalog.modules { out += "| [`\(m.name)`](#\(anchor("module", m.name))) | \(cell(m.summary)) |\n" }
    out += "\n| type | |\n|---|---|\n"
    for t in catalog.objectTypes { out += "| [`\(t.name)`](#\(anchor("type", t.name))) | \(cell(t.summary)) |\n" }
    for m in catalog.modules { out += "\n" + module(m) }
    for t in catalog.objectTypes { out += "\n" + objectType(t) }
    return out
  }

  /// The anchor GitHub gives the heading `Kind \`name\``.
  func anchor(_ kind: String, _ name: String) -> String {
    "\(kind)-" + name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
  }

  func module(_ m: Catalog.Module) -> String {
    var out = "## Module `\(m.name)`\n\n\(prose(m.summary))\n"
    let own = m.entries.filter { !$0.isMethodOnly }
    if !own.isEmpty {
      out += "\n| function | |\n|---|---|\n"
      for e in own { out += "| `\(text.signature(e))` | \(cell(e.summary)) |\n" }
    }
    let types = Array(Set(m.entries.compactMap { $0.isMethodOnly ? $0.methodOf : nil })).sorted()
    if !types.isEmpty {
      out += "\nAlso in this module: the methods of " + types.map { "[`\($0)`](#\(anchor("type", $0)))" }.joined(separator: ", ") + ".\n"
    }
    for e in own { out += "\n" + entry(e) }
    return out
  }

  func objectType(_ t: Catalog.ObjectType) -> String {
    var out = "## Type `\(t.name)`\n\n\(prose(t.summary))\n"
    if !t.properties.isEmpty {
      out += "\n| field | type | |\n|---|---|---|\n"
      for p in t.properties { out += "| `\(p.name)` | `\(code(p.type.luaType))` | \(p.settable ? "settable: " : "")\(cell(p.doc)) |\n" }
    }
    let methods = catalog.methods(of: t.name)
    if methods.isEmpty { return out }
    let hooks = methods.contains { $0.kind == .hook }
    out += "\n| \(hooks ? "hook" : "method") | |\n|---|---|\n"
    for e in methods {
      let shared = e.isMethodOnly || e.kind == .hook ? "" : " (also `\(e.qualifiedName)`)"
      out += "| `\(text.methodSignature(e))` | \(cell(e.summary))\(shared) |\n"
    }
    let metas = methods.compactMap { e in e.metamethod.map { "`\($0)` (\(e.name))" } }
    if !metas.isEmpty {
      out += "\nOperators: " + metas.joined(separator: ", ") + ".\n"
    }
    for e in methods where e.isMethodOnly || e.kind == .hook { out += "\n" + entry(e) }
    return out
  }

  func entry(_ e: Entry) -> String {
    let title = e.isMethodOnly || e.kind == .hook ? text.methodSignature(e) : text.signature(e)
    var out = "### `\(title)`\n\n\(prose(e.summary))\n"
    if e.kind == .hook { out += "\nA function a `\(e.methodOf ?? "table")` may define; the library calls it.\n" }
    if let t = e.methodOf, !e.isMethodOnly, e.kind != .hook {
      out += "\nAlso a method of `\(t)`: `\(text.methodSignature(e))`\(e.metamethod.map { ", and the operator `\($0)`" } ?? "").\n"
    }
    if let d = e.details { out += "\n\(prose(d))\n" }
    if !e.parameters.isEmpty {
      out += e.kind == .hook ? "\nCalled with:\n\n" : "\nArguments:\n\n"
      for p in e.parameters { out += item(p) }
    }
    if !e.options.isEmpty {
      out += "\n| option | type | default | |\n|---|---|---|---|\n"
      for p in e.options {
        let dflt = p.defaultValue.map { "`\(code($0.literal))`" } ?? (p.optional ? "optional" : "required")
        out += "| `\(p.name)` | `\(code(p.type.luaType))` | \(dflt) | \(cell(p.doc)) |\n"
      }
    }
    if !e.returns.isEmpty {
      out += "\nReturns:\n\n"
      for r in e.returns { out += "- `\(r.type.luaType)`: \(prose(r.doc))\n" }
    }
    return out
  }

  private func item(_ p: Parameter) -> String {
    var s = "- `\(p.name)\(p.variadic ? "..." : "")` (`\(p.type.luaType)`"
    if let d = p.defaultValue { s += ", default `\(d.literal)`" } else if p.optional { s += ", optional" }
    return s + "): \(prose(p.doc))\n"
  }

  /// Text safe inside a table cell: pipes escaped, on one line.
  private func cell(_ s: String) -> String {
    prose(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// Text inside a code span in a table cell: pipes escaped.
  private func code(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

  /// Declared text as Markdown: `<` and `>` outside code spans are shown, not read as HTML
  /// (`runs/<id>/`).
  private func prose(_ s: String) -> String {
    var out = "", inCode = false
    for c in s {
      if c == "`" { inCode.toggle() }
      switch (c, inCode) {
      case ("<", false): out += "&lt;"
      case (">", false): out += "&gt;"
      default: out.append(c)
      }
    }
    return out
  }
}
