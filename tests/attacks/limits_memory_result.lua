-- command: run
-- args: --max-memory 100000000
-- exit: 1
-- expect-match: memory limit exceeded
-- max-seconds: 6
-- An operation's result (an outer product of 256 MB) stops the script as soon as it is made.
local a, b = tensor.ones(8192, 1), tensor.ones(1, 8192)
local c = a:matmul(b)
