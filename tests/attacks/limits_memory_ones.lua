-- command: run
-- args: --max-memory 200000000
-- exit: 1
-- expect-match: tensor.ones.*16384x16384.*memory limit exceeded
-- max-seconds: 6
-- One 1 GB tensor under a 200 MB limit is refused before anything is allocated.
local t = tensor.ones(16384, 16384)
print(t:sum():item())
