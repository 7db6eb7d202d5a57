-- print of a value whose __tostring raises: a catchable error with the raised message.
-- expect: print_tostring_error.lua:4: boom
-- expect: survived
local v = setmetatable({}, {__tostring = function() error("boom") end})
print(pcall(print, v))
print("survived")
