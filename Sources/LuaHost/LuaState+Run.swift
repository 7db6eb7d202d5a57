import CLua
import CLuaShim
import Catalog
import Foundation

extension LuaState {
  /// Runs the script at `path` as the main chunk, with `arguments` as its `...` and in the
  /// global `arg`. Errors come back as `ScriptError` with the Lua traceback.
  public func runFile(_ path: String, arguments: [String] = []) throws {
    let source: String
    do {
      source = try FileAccess.readText(path)
    } catch {
      throw ScriptError(kind: .unreadable, message: "cannot read script '\(path)': \(FileAccess.reason(error))", traceback: nil)
    }
    runName = path
    scriptDirectory = (path as NSString).deletingLastPathComponent
    if scriptDirectory?.isEmpty ?? true { scriptDirectory = "." }
    session.files = session.files.granting(read: [FilePolicy.Root(scriptDirectory!, origin: "the script's folder")])
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
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(p.count, 1)) {  // cannot fail: an array has an address even when empty
        crescent_load_text(L, $0, p.count, "@" + chunkName)
      }
    }
    guard loaded == LUA_OK else {
      throw ScriptError(kind: .syntax, message: stack.string(at: -1) ?? "the script could not be loaded", traceback: nil)
    }
    stack.push(.list(arguments.map { .string($0) }))
    lua_setglobal(L, "arg")
    arguments.forEach { stack.push(.string($0)) }
    deadline = startDeadline(for: chunkName)
    crescent_install_hook(L)
    defer { deadline = nil }
    let status = withRunLimits { crescent_pcall(L, Int32(arguments.count), 0, base + 1) }
    guard status == LUA_OK else { throw scriptError(stack.string(at: -1) ?? "error object is not a string") }
  }

  /// What separates a message from the traceback the message handler appends.
  static let tracebackSeparator = "\nstack traceback:\n"

  /// Keeps the traceback of an error raised in a Lua function called from native code, to show
  /// it if the error (inside a native caller's message) ends the script.
  func noteCallbackTraceback(message: String, traceback: String) {
    callbackTracebacks.append((callDepth, message, traceback))
  }

  /// Splits a message-handler result into message and traceback, and classifies it.
  func scriptError(_ text: String) -> ScriptError {
    defer { callbackTracebacks = [] }
    let parts = text.components(separatedBy: LuaState.tracebackSeparator)
    var message = parts[0]
    // An error from a Lua callback shows where it was raised: the innermost traceback.
    var frames = parts.count > 1 ? parts.dropFirst().joined(separator: LuaState.tracebackSeparator) : nil
    if let inner = callbackTracebacks.filter({ message.contains($0.message) }).max(by: { $0.depth < $1.depth }) {
      frames = inner.traceback
    }
    // The host's own chunks (the prelude's call of main, the number methods) say nothing about
    // the script: leave their frames out.
    let lines = frames.map { LuaState.scriptFrames($0.split(separator: "\n", omittingEmptySubsequences: false)) }
    let traceback = lines.map {
      "stack traceback:\n" + $0.joined(separator: "\n").replacingOccurrences(of: "in field '_main'", with: "in the experiment's main")
    }
    // Errors raised inside Lua's own C functions (`ipairs` of a number) carry no position, and
    // the prelude's place says nothing to the script: give them the script's line that made the call.
    if LuaState.internalChunks.contains(where: { message.hasPrefix($0) }), LuaState.hasPosition(message), let r = message.range(of: ": ") {
      message = String(message[r.upperBound...])
    }
    if !LuaState.hasPosition(message), let place = lines.flatMap({ $0.lazy.compactMap(LuaState.scriptPlace).first }) {
      message = "\(place): \(message)"
    }
    let kind: ScriptError.Kind
    if message.hasSuffix(CRESCENT_INTERRUPT_MESSAGE) && crescent_interrupt_requested() != 0 {
      kind = .interrupted
    } else if let step = session.trial?.prunedAt, message.hasSuffix(TrialPruned.words) || message.hasSuffix("\(TrialPruned(step: step))") {
      kind = .pruned
      // `file:line: trial pruned at step N`, without the entry that raised it.
      message = (LuaState.position(of: message).map { $0 + ": " } ?? "") + "\(TrialPruned(step: step))"
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

  /// The prefixes of positions in the host's own Lua chunks.
  static let internalChunks = ["prelude:", "numbers:"]

  /// A traceback's lines without the host's own frames (and the `error` call one of them made).
  static func scriptFrames(_ lines: [Substring]) -> [Substring] {
    func isInternal(_ line: Substring) -> Bool { internalChunks.contains { line.contains($0) } }
    return lines.indices.filter { i in
      if isInternal(lines[i]) { return false }
      let raisedInside = i + 1 < lines.count && isInternal(lines[i + 1])
      return !(raisedInside && lines[i].hasSuffix("[C]: in function 'error'"))
    }.map { lines[$0] }
  }

  /// `file:line` at the start of a message, when it has one.
  static func position(of message: String) -> String? {
    guard hasPosition(message), let colon = message.firstIndex(of: ":") else { return nil }
    let line = message[message.index(after: colon)...].prefix { $0.isNumber }
    return String(message[..<colon]) + ":" + line
  }

  /// Whether a message starts with `file:line:`.
  static func hasPosition(_ message: String) -> Bool {
    guard let colon = message.firstIndex(of: ":") else { return false }
    let rest = message[message.index(after: colon)...]
    let digits = rest.prefix { $0.isNumber }
    return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(":")
  }

  /// `file:line` of a traceback line in a script (`\tx.lua:3: in ...`), nil for native frames.
  static func scriptPlace(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == "\t" || $0 == " " }
    guard !trimmed.hasPrefix("["), let r = trimmed.range(of: ": in ") else { return nil }
    let place = String(trimmed[..<r.lowerBound])
    return hasPosition(place + ":") ? place : nil
  }
}
