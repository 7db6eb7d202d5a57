import CLua
import CLuaShim

extension LuaState {
  /// Numbers answer `:item()`, giving themselves, as one-element tensors do. A whole-tensor
  /// reduction gives a number on a plain tensor and a one-element tensor on one that tracks
  /// gradients (NumPy's scalar and PyTorch's tensor), so code that ends in `:item()` (a loss
  /// function, a metric) runs the same on both. Any other key is still an error.
  func installNumberMethods() {
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    lua_pushnumber(L, 0)
    let bytes = Array(Self.numberMetatable.utf8)
    let status = bytes.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=numbers") }
    }
    guard status == LUA_OK, crescent_pcall(L, 0, 1, 0) == LUA_OK else {
      fatalError("the number methods failed: \(LuaStack(self, L).string(at: -1) ?? "?")")
    }
    lua_setmetatable(L, -2)
  }

  static let numberMetatable = #"""
local error, tostring = error, tostring
local function item(n) return n end
return {
  __index = function(_, key)
    if key == "item" then return item end
    error("attempt to index a number value (key '" .. tostring(key) .. "'); numbers answer only :item()", 2)
  end,
}
"""#
}
