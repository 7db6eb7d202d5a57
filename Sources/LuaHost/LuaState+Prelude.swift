import CLua
import CLuaShim
import Catalog
import Experiments

extension LuaState {
  /// The standard library tables that scripts may read but not change.
  static let frozenStandardLibraries = ["string", "table", "math", "utf8", "coroutine", "os", "io", "debug"]

  /// Runs the prelude, keeps its hooks, and makes the library tables read-only.
  func installPrelude() {
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    let bytes = Array(Prelude.source.utf8)
    let status = bytes.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=prelude") }  // cannot fail: an array has an address even when empty
    }
    guard status == LUA_OK, crescent_pcall(L, 0, 1, 0) == LUA_OK else {
      fatalError("the prelude failed: \(LuaStack(self, L).string(at: -1) ?? "?")")  // cannot be reached from a script: the prelude is a constant, run before any script
    }
    preludeRef = luaL_ref(L, crescent_registryindex())
    let own = catalog.modules.map(\.name)
    let names = LuaState.frozenStandardLibraries + own
    let undefined = HostFunction { args in
      guard args.count == 3, case .string(let module) = args[0], case .string(let key) = args[1],
            case .list(let defined) = args[2] else { return [.string("undefined name")] }
      return [.string(LuaState.undefinedNameMessage(module: module, key: key,
                                                    defined: defined.compactMap { if case .string(let s) = $0 { return s }; return nil }))]
    }
    let sweepCheck = HostFunction { args in
      do { _ = try SweepDeclaration.space(from: args.first ?? .none); return [] } catch { return [.string("\(error)")] }
    }
    _ = try? callHook("sweep_checker", [.function(sweepCheck)])
    _ = try? callHook("freeze", [.list(names.map { .string($0) }), .list(own.map { .string($0) }), .function(undefined)])
  }

  /// What reading a name a library does not define says: `optim.adam is not defined (did you mean optim.Adam?)`.
  static func undefinedNameMessage(module: String, key: String, defined: [String]) -> String {
    let hint = Suggest.hint(for: key, among: defined.sorted()) { Suggest.isElsewhere($0) ? $0 : "\(module).\($0)" }
    return "\(module).\(key) is not defined" + (hint.isEmpty ? "; `crescent doc \(module)` lists what \(module) has" : hint)
  }

  /// Calls a prelude hook with a traceback on failure.
  func callHook(_ name: String, _ args: [Value]) throws -> [Value] {
    crescent_native_begin()
    defer { crescent_native_end() }
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(preludeRef))
    lua_getfield(L, -1, name)
    let ref = luaL_ref(L, crescent_registryindex())
    crescent_pop(L, 1)
    defer { luaL_unref(L, crescent_registryindex(), ref) }
    return try call(ref: ref, args)
  }
}

extension LuaState {
  /// Adds `describe`, `it` and `assert.equals/near/truthy/falsy/errors` (for `crescent test`).
  /// The results table moves to the registry, where a spec file cannot replace it.
  public func installSpecHelpers() {
    try? run(SpecPrelude.source, chunkName: "=spec")
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
    lua_pushstring(L, "__crescent_spec")
    _ = lua_rawget(L, -2)
    specResultsRef = luaL_ref(L, crescent_registryindex())
    lua_pushstring(L, "__crescent_spec")
    lua_pushnil(L)
    lua_rawset(L, -3)
    crescent_pop(L, 1)
  }

  /// What the spec helpers recorded: `passed` and the `failures` ({name, message} each).
  public func specResults() throws -> Value {
    guard specResultsRef != 0 else { return .none }
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(specResultsRef))
    defer { crescent_pop(L, 1) }
    return try LuaStack(self, L).value(at: -1)
  }
}
