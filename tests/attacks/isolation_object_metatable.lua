-- command: run
-- args:
-- exit: 0
-- expect: sum intact
-- An object's metatable is not handed out: no script can change every tensor's methods.
local t = tensor.ones(3)
local mt = getmetatable(t)
pcall(function() mt.__index.sum = function() return "hijacked" end end)
pcall(function() rawset(mt, "__index", {sum = function() return "hijacked" end}) end)
pcall(setmetatable, t, {})
print(tensor.ones(2):sum() == 2 and "sum intact" or "sum replaced")
