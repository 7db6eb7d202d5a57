import CLua
import CLuaShim
import Foundation

extension LuaState {
  /// The folders `require` searches, in order: the script's folder, then the configured path
  /// (by default the current directory, its `recipes/` folder and each folder of CRESCENT_PATH).
  public var requirePath: [String] {
    var dirs: [String] = []
    if let d = scriptDirectory { dirs.append(d) }
    if let configured = options.searchPath {
      dirs += configured
    } else {
      dirs += [".", "recipes"]
      if let env = ProcessInfo.processInfo.environment["CRESCENT_PATH"] {
        dirs += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
      }
    }
    var seen = Set<String>()
    return dirs.filter { seen.insert($0).inserted }
  }

  /// `require(name)`: finds `name` (dots become folders) as a `.lua` file on `requirePath`,
  /// loads it as text through the sandbox, runs it once and caches the table it returns.
  /// Under --trust (or --allow package) Lua's own require is the fallback for other modules.
  func installRequire() {
    lua_getglobal(L, "require")
    let original = lua_type(L, -1) == LUA_TFUNCTION ? luaL_ref(L, crescent_registryindex()) : { crescent_pop(L, 1); return Int32(0) }()
    crescent_newtable(L)
    lua_setfield(L, crescent_registryindex(), "crescent.loaded")
    pushFunction { state, L in state.require(in: L, original: original) }
    lua_setglobal(L, "require")
  }

  private func require(in L: OpaquePointer, original: Int32) -> Int32 {
    let stack = LuaStack(self, L)
    guard let name = stack.string(at: 1), !name.isEmpty else { return raise("require: expects a module name (a string)") }
    lua_settop(L, 1)
    lua_getfield(L, crescent_registryindex(), "crescent.loaded")  // 2
    if lua_getfield(L, 2, name) != LUA_TNIL { return 1 }
    crescent_pop(L, 1)
    guard !loadingModules.contains(name) else { return raise("require: module '\(name)' requires itself (a cycle)") }
    let relative = name.replacingOccurrences(of: ".", with: "/") + ".lua"
    guard !name.contains("/"), !name.hasPrefix("."), !relative.contains("//") else {
      return raise("require: '\(name)' is not a module name (use dots between folders: \"recipes.kfold\")")
    }
    let candidates = requirePath.map { $0 == "." ? relative : ($0 as NSString).appendingPathComponent(relative) }
    guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
      if original != 0 {
        lua_rawgeti(L, crescent_registryindex(), lua_Integer(original))
        lua_pushvalue(L, 1)
        guard crescent_pcall(L, 1, 1, 0) == LUA_OK else { return CRESCENT_RAISE }
        return 1
      }
      return raise("require: module '\(name)' not found; tried:\n\t" + candidates.joined(separator: "\n\t"))
    }
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
      return raise("require: cannot read '\(path)'")
    }
    loadingModules.insert(name)
    defer { loadingModules.remove(name) }
    let bytes = Array(source.utf8)
    let loaded = bytes.withUnsafeBufferPointer { p in
      p.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: max(p.count, 1)) {
        crescent_load_text(L, $0, p.count, "@" + path)
      } } ?? crescent_load_text(L, "", 0, "@" + path)
    }
    guard loaded == LUA_OK else { return CRESCENT_RAISE }
    lua_pushstring(L, name)
    lua_pushstring(L, path)
    guard crescent_pcall(L, 2, 1, 0) == LUA_OK else { return CRESCENT_RAISE }
    guard lua_type(L, -1) == LUA_TTABLE else {
      return raise("require: module '\(name)' (\(path)) must return a table, got \(String(cString: crescent_typename(L, -1)))")
    }
    lua_pushvalue(L, -1)
    lua_setfield(L, 2, name)
    return 1
  }
}
