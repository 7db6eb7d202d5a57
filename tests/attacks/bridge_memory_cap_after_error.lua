-- command: run
-- args: --max-memory 50000000
-- exit: 1
-- expect: memory limit
-- max-rss-mb: 200
-- An error raised through native code does not switch the memory cap off: after many caught
-- errors a single large allocation is still refused before it is made.
for i = 1, 100 do pcall(tensor.zeros, -1) end
local v = setmetatable({}, {__tostring = function() error("boom") end})
for i = 1, 100 do pcall(print, v) end
local s = string.rep("x", 400000000)
print(#s)
