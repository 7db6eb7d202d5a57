import CLua
import CLuaShim
import Foundation

extension LuaState {
  /// Runs the script at `path` as the main chunk, with `arguments` as its `...` and in the
  /// global `arg`. Errors come back as `ScriptError` with the Lua traceback.
  public func runFile(_ path: String, arguments: [String] = []) throws {
    let source: String
    do {
      source = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ScriptError(kind: .unreadable, message: "cannot read script '\(path)': \(LuaState.reason(error))", traceback: nil)
    }
    scriptDirectory = (path as NSString).deletingLastPathComponent
    if scriptDirectory?.isEmpty ?? true { scriptDirectory = "." }
    try run(source, chunkName: path, arguments: arguments)
  }

  /// Runs `source` as a chunk named `chunkName` (shown in messages as `chunkName:line:`).
  public func run(_ source: String, chunkName: String = "chunk", arguments: [String] = []) throws {
    let stack = LuaStack(self, L)
    let base = stack.top
    defer { lua_settop(L, base) }
    lua_pushcclosure(L, crescent_traceback, 0)
    let bytes = Array(source.utf8)
    let loaded = bytes.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(p.count, 1)) {
        crescent_load_text(L, $0, p.count, "@" + chunkName)
      }
    }
    guard loaded == LUA_OK else {
      throw ScriptError(kind: .syntax, message: stack.string(at: -1) ?? "the script could not be loaded", traceback: nil)
    }
    stack.push(.list(arguments.map { .string($0) }))
    lua_setglobal(L, "arg")
    arguments.forEach { stack.push(.string($0)) }
    deadline = options.timeout.map { crescent_now() + $0 }
    crescent_install_hook(L)
    defer { deadline = nil }
    let status = crescent_pcall(L, Int32(arguments.count), 0, base + 1)
    guard status == LUA_OK else { throw scriptError(stack.string(at: -1) ?? "error object is not a string") }
  }

  /// Splits a message-handler result into message and traceback, and classifies it.
  func scriptError(_ text: String) -> ScriptError {
    let parts = text.components(separatedBy: "\nstack traceback:\n")
    var message = parts[0]
    // The prelude's frames (the call of main) say nothing about the script: leave them out.
    let traceback = parts.count > 1
      ? "stack traceback:\n" + parts[1].split(separator: "\n", omittingEmptySubsequences: false)
          .filter { !$0.contains("prelude:") }.joined(separator: "\n")
          .replacingOccurrences(of: "in field '_main'", with: "in the experiment's main")
      : nil
    let kind: ScriptError.Kind
    if message.hasSuffix(CRESCENT_INTERRUPT_MESSAGE) && crescent_interrupt_requested() != 0 {
      kind = .interrupted
    } else if message.hasSuffix(CRESCENT_TIMEOUT_MESSAGE), let d = deadline, crescent_now() >= d {
      kind = .timeout
      message = "\(message) (the limit is \(options.timeout.map { String($0) } ?? "?") s)"
    } else if let limit = options.maxMemory,
              message.hasSuffix(CRESCENT_MEMORY_MESSAGE) || message.hasSuffix("not enough memory") {
      kind = .memory
      message = "\(message): the script went beyond the memory limit of \(limit) bytes (--max-memory)"
    } else {
      kind = .runtime
    }
    return ScriptError(kind: kind, message: message, traceback: traceback)
  }

  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
       let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
      return String(cString: strerror(code.rawValue))
    }
    return ns.localizedDescription
  }
}
