-- command: run
-- args: --max-memory 200000000
-- exit: 0
-- expect-match: refused
-- max-seconds: 6
-- A refusal is an error the script can catch, and nothing stays allocated.
local ok, err = pcall(tensor.zeros, 16384, 16384)
assert(not ok and err:find("memory limit exceeded"), tostring(err))
local small = tensor.zeros(100, 100)
print("refused")
