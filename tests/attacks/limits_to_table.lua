-- command: run
-- args: --max-memory 40000000
-- exit: 1
-- expect-match: to_table of a 3000x1000 tensor needs .*memory limit exceeded
-- max-seconds: 6
-- Turning a 12 MB tensor into Lua numbers would take ten times that: refused before it starts.
local t = tensor.zeros(3000, 1000)
local values = t:to_table()
