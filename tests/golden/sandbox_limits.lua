-- crescent: --max-memory 20000000
-- Library tables are read-only; memory beyond --max-memory stops the script cleanly.
print(pcall(function() nn.Dense = nil end))
print(pcall(function() string.rep = function() end end))
print(("ab"):rep(2), type(nn.Dense))
local t = {}
for i = 1, 1e8 do t[i] = string.rep("x", 100) .. i end
