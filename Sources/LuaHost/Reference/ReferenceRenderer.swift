import Catalog

/// Renders the catalog as the plain-text reference `crescent doc` prints.
public struct ReferenceRenderer {
  public let catalog: Catalog
  public init(catalog: Catalog) { self.catalog = catalog }

  /// The reference for `topic`: nothing (an index of modules), a module (`tensor`), an entry
  /// (`tensor.randn`) or an object type (`Tensor`). Unknown topics get a suggestion.
  public func render(_ topic: String?) throws -> String {
    guard let topic, !topic.isEmpty else { return index() }
    if let m = catalog.module(topic) { return module(m) }
    if let e = catalog.entry(topic) { return entry(e) }
    if let t = catalog.objectTypes.first(where: { $0.name == topic }) { return objectType(t) }
    let names = catalog.modules.map(\.name) + catalog.modules.flatMap { $0.entries.map(\.qualifiedName) }
      + catalog.objectTypes.map(\.name)
    let hint = Suggest.closest(to: topic, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    throw CatalogError("no reference for '\(topic)'\(hint); modules are: \(catalog.modules.map(\.name).joined(separator: ", "))")
  }

  func index() -> String {
    var out = "Crescent reference. `crescent doc <module>` lists a module; `crescent doc <module.name>` shows one entry.\n\n"
    let width = catalog.modules.map(\.name.count).max() ?? 0
    for m in catalog.modules { out += "  \(m.name.padding(width))  \(m.summary)\n" }
    for t in catalog.objectTypes { out += "  \(t.name.padding(width))  \(t.summary)\n" }
    return out
  }

  func module(_ m: Catalog.Module) -> String {
    var out = "\(m.name) — \(m.summary)\n\n"
    let width = m.entries.map { signature($0).count }.max() ?? 0
    for e in m.entries { out += "  \(signature(e).padding(width))  \(e.summary)\n" }
    return out
  }

  func objectType(_ t: Catalog.ObjectType) -> String {
    var out = "\(t.name) — \(t.summary)\n"
    if !t.properties.isEmpty {
      out += "\nFields (read-only unless marked settable):\n"
      let w = t.properties.map(\.name.count).max() ?? 0
      for p in t.properties { out += "  \(p.name.padding(w))  (\(p.type.luaType)) \(p.settable ? "settable: " : "")\(p.doc)\n" }
    }
    let methods = catalog.methods(of: t.name)
    if !methods.isEmpty {
      out += methods.contains { $0.kind == .hook } ? "\nHooks (functions the table may define; the library calls them):\n" : "\nMethods:\n"
    }
    let width = methods.map { methodSignature($0).count }.max() ?? 0
    for e in methods { out += "  \(methodSignature(e).padding(width))  \(e.summary)\n" }
    let metas = methods.compactMap { e in e.metamethod.map { "\($0) (\(e.qualifiedName))" } }
    if !metas.isEmpty { out += "\nOperators: " + metas.joined(separator: ", ") + "\n" }
    return out
  }

  func entry(_ e: Entry) -> String {
    var out = "\(signature(e))\n\n\(e.summary)\n"
    if let t = e.methodOf, !e.isMethodOnly { out += "Also a method: \(methodSignature(e))\(e.metamethod.map { "; operator \($0)" } ?? "") on \(t).\n" }
    if e.kind == .hook { out += "A function \(Article.indefinite(e.methodOf ?? "table")) may define; the library calls it.\n" }
    if let d = e.details { out += "\n\(d)\n" }
    if !e.parameters.isEmpty {
      out += e.kind == .hook ? "\nCalled with:\n" : "\nArguments:\n"
      for p in e.parameters { out += line(p, variadic: p.variadic) }
    }
    if !e.options.isEmpty {
      out += "\nOptions (a table after the arguments):\n"
      for p in e.options { out += line(p, variadic: false) }
    }
    if !e.returns.isEmpty {
      out += "\nReturns:\n"
      for r in e.returns { out += "  \(r.type.luaType): \(r.doc)\n" }
    }
    return out
  }

  private func line(_ p: Parameter, variadic: Bool) -> String {
    var s = "  \(p.name)\(variadic ? "..." : "") (\(p.type.luaType))"
    if let d = p.defaultValue { s += " = \(d.literal)" } else if p.optional { s += ", optional" }
    return s + ": \(p.doc)\n"
  }

  func signature(_ e: Entry) -> String {
    if e.isMethodOnly { return methodSignature(e) }
    return "\(e.qualifiedName)(\(argumentList(e.parameters, options: !e.options.isEmpty)))"
  }

  /// `Model:fit(x, [y], {options})`; a hook shows the arguments it is called with.
  func methodSignature(_ e: Entry) -> String {
    if e.kind == .hook { return "\(e.name) = function(\(e.parameters.map(\.name).joined(separator: ", ")))" }
    return "\(e.methodOf ?? ""):\(e.name)(\(argumentList(Array(e.parameters.dropFirst()), options: !e.options.isEmpty)))"
  }

  func argumentList(_ ps: [Parameter], options: Bool) -> String {
    var parts = ps.map { p in p.variadic ? "\(p.name)..." : (p.isRequired ? p.name : "[\(p.name)]") }
    if options { parts.append("{options}") }
    return parts.joined(separator: ", ")
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
