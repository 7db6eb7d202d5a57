import CLua
import CLuaShim
import Catalog

extension LuaState {
  /// The standard library tables that scripts may read but not change.
  static let frozenStandardLibraries = ["string", "table", "math", "utf8", "coroutine", "os", "io", "debug"]

  /// Runs the prelude, keeps its hooks, and makes the library tables read-only.
  func installPrelude() {
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    let bytes = Array(Prelude.source.utf8)
    let status = bytes.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=prelude") }
    }
    guard status == LUA_OK, crescent_pcall(L, 0, 1, 0) == LUA_OK else {
      fatalError("the prelude failed: \(LuaStack(self, L).string(at: -1) ?? "?")")
    }
    preludeRef = luaL_ref(L, crescent_registryindex())
    let names = LuaState.frozenStandardLibraries + catalog.modules.map(\.name)
    _ = try? callHook("freeze", [.list(names.map { .string($0) })])
  }

  /// Calls a prelude hook with a traceback on failure.
  func callHook(_ name: String, _ args: [Value]) throws -> [Value] {
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
  public func installSpecHelpers() {
    try? run(SpecPrelude.source, chunkName: "=spec")
  }
}
