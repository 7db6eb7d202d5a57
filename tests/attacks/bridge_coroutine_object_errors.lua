-- command: run
-- args:
-- exit: 0
-- expect: fields	1000
-- expect: assign	1000
-- expect: methods	1000
-- expect: print	1000
-- Errors from object fields, assignments, methods and print, raised inside coroutines, each
-- caught by the coroutine's own pcall with its message.
local t = tensor.ones(2)
local shown = setmetatable({}, {__tostring = function() error("shown") end})
local function count(f, pattern)
  return coroutine.wrap(function()
    local n = 0
    for i = 1, 1000 do
      local ok, err = pcall(f)
      if not ok and type(err) == "string" and err:find(pattern) then n = n + 1 end
    end
    return n
  end)()
end
print("fields", count(function() return t.nope end, "no field 'nope'"))
print("assign", count(function() t.nope = 1 end, "cannot set field 'nope'"))
print("methods", count(function() return t:reshape(3) end, "reshape"))
print("print", count(function() print(shown) end, "shown"))
