-- command: run
-- args:
-- exit: 0
-- expect: pairs	false
-- expect: setmetatable	false
-- expect: string	false
-- expect: intact
-- No way around the read-only library tables: pairs hands out no inner table, setmetatable and
-- the string metatable are refused.
local _, inner = pairs(nn)
print("pairs", (pcall(rawset, inner, "Dense", print)))
print("setmetatable", (pcall(setmetatable, nn, {})))
print("string", (pcall(function() getmetatable("").__index.rep = print end)))
for name in pairs(nn) do end
print(nn.Dense ~= print and string.rep("a", 2) == "aa" and "intact" or "changed")
