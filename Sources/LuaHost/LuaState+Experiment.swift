import CLua
import CLuaShim
import Catalog
import Experiments

extension LuaState {
  /// A `with key=value` value as a Lua literal, evaluated as text in an empty environment: a
  /// number, string, boolean or table. A bare word that is not a literal (`yeast`) is a string.
  public func parseLiteral(_ text: String, for key: String) throws -> Value {
    let stack = LuaStack(self, L)
    let base = stack.top
    defer { lua_settop(L, base) }
    lua_pushcclosure(L, crescent_traceback, 0)
    let chunk = Array("return \(text)".utf8)
    let loaded = chunk.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=override") }  // cannot fail: an array has an address even when empty
    }
    var value: Value = .none
    var problem: String?
    if loaded == LUA_OK {
      crescent_newtable(L)
      _ = lua_setupvalue(L, -2, 1)  // _ENV: an empty table, so the literal sees no globals
      deadline = crescent_now() + 1
      crescent_install_hook(L)
      defer { deadline = nil }
      if crescent_pcall(L, 0, 1, base + 1) == LUA_OK {
        do { value = try stack.value(at: -1) } catch { problem = "\(error)" }
      } else {
        problem = stack.string(at: -1).map { $0.components(separatedBy: "\n").first ?? $0 }
      }
    } else {
      problem = stack.string(at: -1)
    }
    if case .none = value {
      if text.split(whereSeparator: \.isWhitespace) == ["nil"] {
        throw ConfigError("override '\(key)=\(text)': a config value cannot be nil (to keep the declared value, leave the override out)")
      }
      if WithArguments.isBareWord(text) { return .string(text) }
      throw ConfigError("override '\(key)=\(text)': the value \"\(text)\" is not a Lua value (a number, a quoted string, true/false or a table)"
                        + (problem.map { ": " + $0.replacingOccurrences(of: "[string \"override\"]:1: ", with: "").replacingOccurrences(of: "override:1: ", with: "") } ?? ""))
    }
    if case .function = value { throw ConfigError("override '\(key)=\(text)': a config value cannot be a function") }
    return value
  }

  /// What the script declared with `experiment`, or nil when it declared none.
  public func experimentDeclaration() throws -> ExperimentDeclaration? {
    guard let d = try withLimits({ try callHook("declaration", []).first }), case .table = d else { return nil }
    guard case .string(let name)? = d["name"] else { return nil }
    func list(_ v: Value?) -> [Value] { if case .list(let items)? = v { return items }; return [] }
    let namedTable: [(key: String, value: Value)] = { if case .table(let p)? = d["named"] { return p }; return [] }()
    let order = list(d["named_order"]).compactMap { v -> String? in if case .string(let s) = v { return s }; return nil }
    let named = order.compactMap { n in namedTable.first { $0.key == n }.map { (name: n, config: $0.value) } }
    let ingredients = list(d["ingredients"]).compactMap { v -> ExperimentDeclaration.Ingredient? in
      guard case .string(let n)? = v["name"] else { return nil }
      return .init(name: n, configs: list(v["configs"]))
    }
    var hasMain = false
    if case .bool(let b)? = d["has_main"] { hasMain = b }
    var declaration = ExperimentDeclaration(name: name, configs: list(d["configs"]), named: named, ingredients: ingredients, hasMain: hasMain)
    if let space = d["sweep"] {
      if case .string(let place)? = d["sweep_place"], !place.isEmpty { declaration.sweepPlace = place }
      do { declaration.sweep = try SweepDeclaration.space(from: space) } catch {
        throw ScriptError(kind: .config, message: (declaration.sweepPlace.map { $0 + ": " } ?? "") + "\(error)", traceback: nil)
      }
    }
    return declaration
  }

  /// Runs the script's derived-value functions (`ex:config(function(c) ... end)`) on the config.
  public func deriveConfig(_ config: Value) throws -> Value {
    try withLimits { try callHook("derive", [config]).first ?? config }
  }

  /// Calls the experiment's main with the final config and the run object; returns its result.
  public func runMain(config: Value, run: Run) throws -> Value {
    try withLimits { try callHook("main", [config, .object(run)]).first ?? .none }
  }

  /// Runs `body` under the time limit, turning a Lua failure into a `ScriptError`.
  func withLimits<T>(_ body: () throws -> T) throws -> T {
    deadline = startDeadline()
    crescent_install_hook(L)
    defer { deadline = nil }
    do { return try withRunLimits(body) } catch let e as CatalogError { throw scriptError(e.message) }
  }
}
