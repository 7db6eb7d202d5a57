import CLua
import CLuaShim

extension LuaState {
  /// What one REPL input did.
  public enum Evaluation: Equatable {
    /// The chunk is not complete yet (Lua reached `<eof>`): read another line.
    case incomplete
    /// It ran; the results as Lua's `tostring` shows them (none for a statement).
    case values([String])
    /// It does not parse or it failed; the message (with a traceback for runtime errors).
    case error(String)
  }

  /// Evaluates REPL input: first as an expression (`return <input>`), else as a statement.
  /// Globals persist between inputs; locals last for one input, as in `lua`'s prompt.
  public func evaluate(_ input: String) -> Evaluation {
    let stack = LuaStack(self, L)
    let base = stack.top
    defer { lua_settop(L, base) }
    lua_pushcclosure(L, crescent_traceback, 0)
    func load(_ text: String) -> Int32 {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { p in
        p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=stdin") }  // cannot fail: an array has an address even when empty
      }
    }
    if load("return " + input) != LUA_OK {
      crescent_pop(L, 1)
      if load(input) != LUA_OK {
        let message = stack.string(at: -1) ?? "the input does not parse"
        return message.hasSuffix("<eof>") ? .incomplete : .error(message)
      }
    }
    deadline = options.timeout.map { crescent_now() + $0 }
    crescent_install_hook(L)
    defer { deadline = nil }
    guard crescent_pcall(L, 0, LUA_MULTRET, base + 1) == LUA_OK else {
      return .error(stack.string(at: -1) ?? "error object is not a string")
    }
    var shown: [String] = []
    for i in stride(from: base + 2, through: stack.top, by: 1) {
      // __tostring is script code: run protected, its error is the input's error.
      guard crescent_tostring_protected(L, i) == LUA_OK else {
        return .error(stack.string(at: -1) ?? "error object is not a string")
      }
      shown.append(stack.string(at: -1) ?? "?")
      crescent_pop(L, 1)
    }
    return .values(shown)
  }
}
