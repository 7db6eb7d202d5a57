-- command: run
-- args:
-- exit: 0
-- expect: print_tostring_error.lua:7: boom
-- expect: survived
-- print of a value whose __tostring raises: a catchable error with the raised message.
local v = setmetatable({}, {__tostring = function() error("boom") end})
print(pcall(print, v))
print("survived")
