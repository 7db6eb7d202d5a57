import CLua
import CLuaShim
import Catalog
import Foundation

extension LuaState {
  /// The folders `require` searches, in order: the script's folder, then the configured path
  /// (by default the current directory, its `recipes/` folder and each folder of CRESCENT_PATH).
  /// The shipped recipes come after them (`requireCandidates`).
  public var requirePath: [String] { requireFolders.map(\.path) }

  /// `requirePath`, each folder with how messages show it: a folder from CRESCENT_PATH as
  /// `<CRESCENT_PATH>` (the environment's values stay out of messages).
  var requireFolders: [(path: String, shown: String)] {
    var dirs: [(path: String, shown: String)] = []
    if let d = scriptDirectory { dirs.append((d, d)) }
    if let configured = options.searchPath {
      dirs += configured.map { ($0, $0) }
    } else {
      dirs += [(".", "."), ("recipes", "recipes")]
      if let env = ProcessInfo.processInfo.environment["CRESCENT_PATH"] {
        dirs += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }.map { ($0, "<CRESCENT_PATH>") }
      }
    }
    var seen = Set<String>()
    return dirs.filter { seen.insert($0.path).inserted }
  }

  /// The shipped recipes folder, found from the running executable wherever the current
  /// directory is: `recipes/` of the Crescent checkout it was built in (the nearest folder above
  /// it holding Crescent's Package.swift and `recipes/`), or `share/crescent/recipes` under a
  /// folder above it (an installation: `<prefix>/bin/crescent`, `<prefix>/share/crescent/recipes`).
  public static let shippedRecipes: String? = shippedRecipes(executable: executablePath())

  /// The shipped recipes folder for an executable at `executable` (symbolic links resolved).
  public static func shippedRecipes(executable: String?) -> String? {
    guard let executable else { return nil }
    let fm = FileManager.default
    func isFolder(_ p: String) -> Bool {
      var d: ObjCBool = false
      return fm.fileExists(atPath: p, isDirectory: &d) && d.boolValue
    }
    var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    while true {
      let recipes = dir.appendingPathComponent("recipes").path
      if isFolder(recipes),
         let manifest = try? String(contentsOfFile: dir.appendingPathComponent("Package.swift").path, encoding: .utf8),
         manifest.contains("name: \"Crescent\"") {
        return recipes
      }
      let installed = dir.appendingPathComponent("share/crescent/recipes").path
      if isFolder(installed) { return installed }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path || dir.path == "/" { return nil }
      dir = parent
    }
  }

  /// The running executable's path.
  static func executablePath() -> String? {
    if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
    return Bundle.main.executablePath
  }

  /// Where `require(name)` looks, in order: each folder of `requirePath`, then for
  /// `recipes.<name>` the shipped recipes folder.
  func requireCandidates(_ name: String) -> [String] { requireCandidatesShown(name).map(\.path) }

  /// `requireCandidates`, each with how messages show it.
  func requireCandidatesShown(_ name: String) -> [(path: String, shown: String)] {
    let relative = name.replacingOccurrences(of: ".", with: "/") + ".lua"
    func inside(_ dir: String) -> String { dir == "." ? relative : (dir as NSString).appendingPathComponent(relative) }
    var candidates = requireFolders.map { (path: inside($0.path), shown: inside($0.shown)) }
    let prefix = "recipes."
    if name.hasPrefix(prefix), let shipped = LuaState.shippedRecipes {
      let path = (shipped as NSString).appendingPathComponent(String(name.dropFirst(prefix.count)).replacingOccurrences(of: ".", with: "/") + ".lua")
      if !candidates.contains(where: { $0.path == path }) { candidates.append((path, path)) }
    }
    return candidates
  }

  /// The files `require` may read: the session's, with the folders it searches (the script's,
  /// the configured path, the shipped recipes) readable.
  /// Modules are found by their paths as given (never under --out).
  var requirePolicy: FilePolicy {
    session.files.placing(relativePathsUnder: nil).granting(read: (requirePath + [LuaState.shippedRecipes].compactMap { $0 })
      .map { FilePolicy.Root($0, origin: "the require path") })
  }

  /// `require(name)`: finds `name` (dots become folders) as a `.lua` file (`requireCandidates`),
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
    guard !name.utf8.contains(0) else {
      return raise("require: '\(FilePolicy.printable(name))' is not a module name: a name may not hold a NUL byte")
    }
    lua_settop(L, 1)
    lua_getfield(L, crescent_registryindex(), "crescent.loaded")  // 2
    if lua_getfield(L, 2, name) != LUA_TNIL { return 1 }
    crescent_pop(L, 1)
    guard !loadingModules.contains(name) else { return raise("require: module '\(name)' requires itself (a cycle)") }
    let relative = name.replacingOccurrences(of: ".", with: "/") + ".lua"
    guard !name.contains("/"), !name.hasPrefix("."), !relative.contains("//") else {
      return raise("require: '\(name)' is not a module name (use dots between folders: \"recipes.kfold\")")
    }
    let candidates = requireCandidatesShown(name)
    guard let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) else {
      if original != 0 {
        lua_rawgeti(L, crescent_registryindex(), lua_Integer(original))
        lua_pushvalue(L, 1)
        guard crescent_pcall(L, 1, 1, 0) == LUA_OK else { return CRESCENT_RAISE }
        return 1
      }
      return raise("require: module '\(name)' not found; tried:\n\t" + candidates.map(\.shown).joined(separator: "\n\t"))
    }
    let path = found.path
    let source: String
    do { source = try FilePolicy.$current.withValue(requirePolicy) { try FileAccess.readText(path) } } catch {
      return raise("require: cannot read \(FileError(found.shown, FileAccess.reason(error)))")
    }
    loadingModules.insert(name)
    defer { loadingModules.remove(name) }
    requiredModules.append((name, path, source))
    let bytes = Array(source.utf8)
    let loaded = bytes.withUnsafeBufferPointer { p in
      p.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: max(p.count, 1)) {
        crescent_load_text(L, $0, p.count, "@" + found.shown)
      } } ?? crescent_load_text(L, "", 0, "@" + found.shown)
    }
    guard loaded == LUA_OK else { return CRESCENT_RAISE }
    lua_pushstring(L, name)
    lua_pushstring(L, path)
    guard crescent_pcall(L, 2, 1, 0) == LUA_OK else { return CRESCENT_RAISE }
    guard lua_type(L, -1) == LUA_TTABLE else {
      return raise("require: module '\(name)' (\(found.shown)) must return a table, got \(String(cString: crescent_typename(L, -1)))")
    }
    lua_pushvalue(L, -1)
    lua_setfield(L, 2, name)
    return 1
  }
}
