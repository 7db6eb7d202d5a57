import CLua
import CLuaShim
import Catalog
import StandardLibrary
import Tensors

/// One Lua state: the sandboxed standard libraries, the catalog's modules as globals, and the
/// Swift functions that back them. One state per run, with the run's `Session` (random
/// streams, output, run log, catalog); not shared between threads.
public final class LuaState {
  public struct Options {
    /// Open every standard library (io, os, debug, package) instead of the sandbox's.
    public var trusted = false
    /// Where `print` writes when the state makes its own session; standard output by default.
    public var output: (String) -> Void = { Swift.print($0, terminator: "") }
    /// Stop the script after this many seconds (nil: no limit).
    public var timeout: Double? = nil
    /// Standard libraries to open without `trusted`: any of io, os, debug, package.
    public var allow: Set<String> = []
    /// Lua's memory plus live tensor memory may not go beyond this many bytes (nil: no limit).
    public var maxMemory: Int? = nil
    /// Folders `require` searches after the script's own folder (nil: the current directory,
    /// its `recipes/` folder, then the folders of CRESCENT_PATH).
    public var searchPath: [String]? = nil
    /// The files scripts may read and write; nil: the session's own (`Session.files`). A
    /// script run from a file may read its own folder too.
    public var files: FilePolicy? = nil
    public init() {}

    /// The libraries `--allow` may name.
    public static let allowable = ["io", "os", "debug", "package"]
  }

  let L: OpaquePointer
  /// The Lua thread running the innermost native function (the main state's or a coroutine's):
  /// where that function's errors are raised and its Lua callbacks are called.
  var thread: OpaquePointer {
    if let running = crescent_running_thread(), crescent_get_host(running) == Unmanaged.passUnretained(self).toOpaque() {
      return running
    }
    return L
  }
  /// The run this state belongs to: what catalog entries called from it see.
  public let session: Session
  public var catalog: Catalog { session.catalog }
  let options: Options
  /// The Swift functions callable from Lua, by the id their trampoline carries.
  var functions: [NativeFunction] = []
  /// Native bytes allocated for tensors handed to Lua since the collector last stepped.
  var pendingNativeBytes = 0
  /// When the running script must stop (monotonic seconds), from `options.timeout`; native
  /// work sees it as the session's deadline.
  var deadline: Double? { didSet { session.deadline = deadline } }
  /// The run's one wall-clock deadline, set when its first phase starts (the script, the
  /// declaration, derived values, main all share it).
  var runDeadline: Double?
  /// The chunk the run started with (the script or spec file), named by the watchdog's error.
  var runName: String?
  /// The folder of the script being run, searched first by `require`.
  var scriptDirectory: String?
  /// Modules being loaded by `require` (to report cycles).
  var loadingModules: Set<String> = []
  /// The modules the script required, with the file and source each was loaded from.
  public internal(set) var requiredModules: [(name: String, path: String, source: String)] = []
  /// The tables scripts fill in place (`run.info`), kept in the registry until handed back.
  var filledTables: [(object: AnyObject & CatalogObject, key: String, ref: Int32)] = []
  /// The prelude's hooks table (experiment declaration, freezing), in the registry.
  var preludeRef: Int32 = 0
  /// Tracebacks of errors raised in Lua functions called from native code, with the depth of
  /// the call that raised them and their message.
  var callbackTracebacks: [(depth: Int, message: String, traceback: String)] = []
  /// How many calls from native code into Lua are running.
  var callDepth = 0
  /// Where the script was when its sweep trial was pruned (`s.lua:12`): the place the error
  /// names, wherever a pcall that caught it let the hook raise it again.
  var prunedPlace: String?
  /// The spec helpers' results table, in the registry (0: none), out of the script's reach.
  var specResultsRef: Int32 = 0
  /// The registry tables of kept functions and interned objects (`LuaState+Anchors`).
  var functionsRef: Int32 = 0
  var heldFunctionsRef: Int32 = 0
  var objectsRef: Int32 = 0
  /// The number of the last function Swift kept.
  var nextFunctionID: lua_Integer = 0
  /// Functions and anchored objects the running catalog calls' arguments carried, to anchor
  /// in what each call returns; `anchoringCalls` counts the calls collecting them.
  var pendingFunctions: [LuaFunctionReference] = []
  var pendingChildren: [UnsafeMutableRawPointer] = []
  var anchoringCalls = 0
  /// The metatables of Crescent's userdata (the tensor's and each catalog object type's), by
  /// address: how an argument is recognised as one of ours without reading its name.
  var boxMetatables: Set<UnsafeRawPointer> = []
  /// The tensor metatable's reference in the registry (0 until it is made).
  var tensorMetatableRef: Int32 = 0
  /// Buffers the catalog calls reuse: the converted Lua arguments, the checked ones and the
  /// results. A call takes one (a nested call finds it empty and makes its own) and gives it
  /// back emptied.
  var argumentBuffer: [Value] = []
  var slotBuffer: [Value] = []
  var resultBuffer: [Value] = []

  /// A state with a session of its own over `catalog`, writing to `options.output`, its random
  /// streams from a fresh random root.
  public convenience init(catalog: Catalog = .standard(), options: Options = Options()) {
    self.init(session: Session(catalog: catalog, output: OutputSink(write: options.output)), options: options)
  }

  /// A state for the run `session`: `print` writes to its output.
  public init(session: Session, options: Options = Options()) {
    guard let L = luaL_newstate() else { fatalError("Lua could not allocate its state") }  // cannot be reached from a script: it fails only when the process is out of memory before any script runs
    self.L = L
    self.session = session
    self.options = options
    if let files = options.files { session.files = files }
    // Ctrl-C and SIGTERM reach native loops (fit checks per batch), not only Lua code.
    session.interruption = { crescent_interrupt_requested() != 0 }
    LuaState.installDispatcher()
    crescent_set_host(L, Unmanaged.passUnretained(self).toOpaque())
    var allow: Int32 = 0
    if options.allow.contains("io") { allow |= CRESCENT_ALLOW_IO }
    if options.allow.contains("os") { allow |= CRESCENT_ALLOW_OS }
    if options.allow.contains("debug") { allow |= CRESCENT_ALLOW_DEBUG }
    if options.allow.contains("package") { allow |= CRESCENT_ALLOW_PACKAGE }
    crescent_open_libraries(L, options.trusted ? 1 : 0, allow)
    crescent_guard_xpcall(L)
    crescent_install_hook(L)
    installAnchors()
    installPrint()
    installObjectTypes()
    installNumberMethods()
    installCatalog()
    installRequire()
    installPrelude()
    if let limit = options.maxMemory {
      crescent_set_memory_limit(L, max(limit, 0))
      session.memoryBudget = MemoryBudget(limit: max(limit, 0), otherBytes: { crescent_memory_used(L) })
    }
  }

  deinit {
    // Finalizers run at close with hooks off: the watchdog, still armed, bounds them.
    if runDeadline == nil, let t = options.timeout { Watchdog.arm(crescent_now() + t, seconds: t, subject: runName ?? "") }
    crescent_close(L)
    Watchdog.arm(nil)
  }

  /// The run's deadline, started by the first phase that asks for it; arms the watchdog.
  func startDeadline(for name: String? = nil) -> Double? {
    if runName == nil, let name, !name.hasPrefix("=") { runName = name }  // `=name`: the host's own chunks
    guard let t = options.timeout else { return nil }
    let d = runDeadline ?? crescent_now() + t
    runDeadline = d
    Watchdog.arm(d, seconds: t, subject: runName ?? "")  // again each phase: the name may be known now
    return d
  }

  /// The value of global `name` (for hosts and tests).
  /// Read raw: a script's metatable on the globals runs no code here.
  public func global(_ name: String) throws -> Value {
    crescent_native_begin()
    defer { crescent_native_end() }
    lua_rawgeti(L, crescent_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
    lua_pushstring(L, name)
    lua_rawget(L, -2)
    defer { crescent_pop(L, 2) }
    return try LuaStack(self, L).value(at: -1)
  }

  /// The state object that owns `L` (the main state or one of its coroutines).
  static func host(of L: OpaquePointer) -> LuaState {
    Unmanaged<LuaState>.fromOpaque(crescent_get_host(L)!).takeUnretainedValue()  // cannot fail: every state and coroutine carries its host from creation
  }

  /// Registers a Swift function and returns the id its trampoline calls it by.
  func register(_ f: @escaping NativeFunction) -> lua_Integer {
    functions.append(f)
    return lua_Integer(functions.count - 1)
  }

  /// Pushes a Lua function backed by `f`, kept for the state's life (the state's own functions).
  func pushFunction(_ f: @escaping NativeFunction) {
    crescent_push_function(L, register(f))
  }

  /// Pushes on `L` a Lua function backed by `f`, released when Lua collects the function (one
  /// made at run time: an iterator, a function a catalog entry returns).
  func pushClosure(_ f: @escaping NativeFunction, on L: OpaquePointer) {
    crescent_push_closure(L, Unmanaged.passRetained(NativeClosure(f)).toOpaque())
  }

  /// `print` writing through `options.output`, with tabs between values as Lua's does.
  private func installPrint() {
    pushFunction { state, L in
      let n = lua_gettop(L)
      var parts: [String] = []
      for i in 1...max(n, 1) where n > 0 {
        var len = 0
        // __tostring is script code: run protected, its error passed on as it was raised.
        guard crescent_tostring_protected(L, i) == LUA_OK else { return CRESCENT_RERAISE }
        guard let s = crescent_tostring(L, -1, &len) else { return state.raise("print: value \(i) cannot be shown") }
        parts.append(String(decoding: UnsafeRawBufferPointer(start: s, count: len), as: UTF8.self))
        crescent_pop(L, 1)
      }
      state.session.output.write(parts.joined(separator: "\t") + "\n")
      return 0
    }
    lua_setglobal(L, "print")
  }
}

/// A Swift function callable from Lua: returns the number of results pushed, or
/// `CRESCENT_RAISE` with an error message pushed.
typealias NativeFunction = (LuaState, OpaquePointer) -> Int32

/// A native function made at run time, owned by the Lua function that calls it.
final class NativeClosure {
  let body: NativeFunction
  init(_ body: @escaping NativeFunction) { self.body = body }
}

extension LuaState {
  /// Runs `body` (a script, a hook) with the run's limits and file policy as the current ones,
  /// so that the native calls it makes find them bound and need not bind them each time.
  func withRunLimits<T>(_ body: () throws -> T) rethrows -> T {
    try session.withLimits {
      let files = session.files
      return files.isUnrestricted ? try body() : try FilePolicy.$current.withValue(files) { try body() }
    }
  }

  /// Pushes `message` on the thread running the native function and returns the code that
  /// makes the trampoline raise it there.
  func raise(_ message: String) -> Int32 {
    let thread = self.thread
    // A pruned trial stops the script: raised again at the next instruction after any pcall
    // that catches it, in this thread and in the main one (a coroutine's caller).
    if session.trial?.prunedAt != nil {
      crescent_stop_soon(thread)
      crescent_stop_soon(L)
      if prunedPlace == nil {
        luaL_where(thread, 1)
        prunedPlace = LuaStack(self, thread).string(at: -1).flatMap { LuaState.position(of: $0) }
        crescent_pop(thread, 1)
      }
    }
    lua_pushstring(thread, message)
    return CRESCENT_RAISE
  }


  /// Points the C trampolines at the states' functions, once per process (they find their
  /// state through the Lua state, so nothing here belongs to a run).
  static func installDispatcher() { _ = dispatcher }

  private static let dispatcher: Void = {
    crescent_set_dispatch { L, id in
      guard let L else { return 0 }
      let state = LuaState.host(of: L)
      let session = state.session
      if session.memoryBudget == nil && session.deadline == nil { return state.functions[Int(id)](state, L) }
      // The run's limits are bound once around the script (`withRunLimits`); a call binds them
      // itself only where they are not the current ones (a callback from other native code).
      let bound = RunDeadline.current == session.deadline && MemoryBudget.current === session.memoryBudget
      let n = bound ? state.functions[Int(id)](state, L) : session.withLimits { state.functions[Int(id)](state, L) }
      guard let budget = session.memoryBudget else { return n }
      // What was made without asking first (an operation's result) is caught here, before
      // the script goes on with it.
      if n != CRESCENT_RAISE, budget.used > budget.limit {
        return state.raise("\(budget.used) bytes in use: \(CRESCENT_MEMORY_MESSAGE)")
      }
      return n
    }
    crescent_set_closure_dispatch({ L, closure in
      guard let L, let closure else { return 0 }
      let state = LuaState.host(of: L)
      return Unmanaged<NativeClosure>.fromOpaque(closure).takeUnretainedValue().body(state, L)
    }, { closure in
      guard let closure else { return }
      Unmanaged<NativeClosure>.fromOpaque(closure).release()
    })
    crescent_set_limit_check { L in
      guard let L else { return 0 }
      let state = LuaState.host(of: L)
      if let d = state.deadline, crescent_now() >= d { return 1 }
      if let budget = state.session.memoryBudget, budget.used > budget.limit { return 2 }
      if state.session.trial?.prunedAt != nil { return 3 }
      return 0
    }
  }()
}
