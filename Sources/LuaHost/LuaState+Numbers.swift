import CLua
import CLuaShim

extension LuaState {
  /// Numbers answer `:item()`, giving themselves, as one-element tensors do, and the
  /// elementwise tensor methods that make sense for one value (`sqrt`, `log`, `pow(k)`,
  /// `clamp(lo, hi)`, ...), computed in double as `math` does. A whole-tensor reduction gives a
  /// number on a plain tensor and a one-element tensor on one that tracks gradients (NumPy's
  /// scalar and PyTorch's tensor), so a loss function written with these methods runs the same
  /// on both. One-element tensors also compare with numbers by `<` and `<=` (Lua never calls
  /// `__eq` across types, so `==` between a tensor and a number stays false). Any other key of a
  /// number is Lua's usual error, naming the field.
  func installNumberMethods() {
    let base = lua_gettop(L)
    defer { lua_settop(L, base) }
    lua_pushnumber(L, 0)
    let bytes = Array(Self.numberMetatable.utf8)
    let status = bytes.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { crescent_load_text(L, $0, p.count, "=numbers") }  // cannot fail: an array has an address even when empty
    }
    makeMetatable("Tensor")
    _ = crescent_getmetatable_named(L, LuaState.metatableName("Tensor"))
    guard status == LUA_OK, crescent_pcall(L, 1, 1, 0) == LUA_OK else {
      fatalError("the number methods failed: \(LuaStack(self, L).string(at: -1) ?? "?")")  // cannot be reached from a script: the chunk is a constant, run once before any script
    }
    lua_setmetatable(L, -2)
  }

  static let numberMetatable = #"""
local tensor_meta = ...
local error, type, tostring, getmetatable = error, type, tostring, getmetatable
local sqrt, log, exp, abs = math.sqrt, math.log, math.exp, math.abs

-- A number, or a one-element tensor's value; anything else is an error naming `what`.
local function scalar(v, what)
  if type(v) == "number" then return v end
  if type(v) == "userdata" and getmetatable(v) == "Tensor" then
    if v:numel() == 1 then return v:item() end
    error(what .. ": only a one-element tensor stands for a number, got one of " .. v:numel()
          .. " elements (compare elementwise with :lt, :le, :gt, :ge)", 3)
  end
  error(what .. " expects a number, got " .. type(v), 3)
end

local methods = {
  item = function(n) return n end,
  sqrt = function(n) return sqrt(n) end,
  log = function(n) return log(n) end,
  exp = function(n) return exp(n) end,
  abs = function(n) return abs(n) + 0.0 end,
  square = function(n) return n * n + 0.0 end,
  neg = function(n) return -n + 0.0 end,
  pow = function(n, k) return (n + 0.0) ^ scalar(k, "number:pow") end,
  sigmoid = function(n) return 1 / (1 + exp(-n)) end,
  tanh = function(n)
    if n > 20 then return 1.0 elseif n < -20 then return -1.0 end
    if abs(n) < 0.01 then local n2 = n * n; return n * (1 - n2 / 3 + 2 * n2 * n2 / 15) end
    local e = exp(2 * n)
    return (e - 1) / (e + 1)
  end,
  relu = function(n) return n > 0 and n + 0.0 or 0.0 end,
  sign = function(n) return n > 0 and 1.0 or (n < 0 and -1.0 or 0.0) end,
  clamp = function(n, lo, hi)
    lo, hi = scalar(lo, "number:clamp low"), scalar(hi, "number:clamp high")
    if lo > hi then error("number:clamp: low must not exceed high", 2) end
    return (n < lo and lo or (n > hi and hi or n)) + 0.0
  end,
  maximum = function(n, m) m = scalar(m, "number:maximum"); return (n >= m and n or m) + 0.0 end,
  minimum = function(n, m) m = scalar(m, "number:minimum"); return (n <= m and n or m) + 0.0 end,
}

-- `<` and `<=` between a one-element tensor and a number (or two one-element tensors).
tensor_meta.__lt = function(a, b) return scalar(a, "the left side of <") < scalar(b, "the right side of <") end
tensor_meta.__le = function(a, b) return scalar(a, "the left side of <=") <= scalar(b, "the right side of <=") end

return {
  __index = function(_, key)
    local m = methods[key]
    if m then return m end
    if type(key) == "string" then error("attempt to index a number value (field '" .. key .. "')", 2) end
    error("attempt to index a number value", 2)
  end,
}
"""#
}
