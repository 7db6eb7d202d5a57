-- command: run
-- args: --max-memory 100000000
-- exit: 1
-- expect-match: building dense_1 \(16384x16384 weights\) needs .*memory limit exceeded
-- max-seconds: 6
-- A layer whose weights go beyond the limit is refused before they are drawn.
local m = nn.Sequential{input_dim = 16384, nn.Dense(16384)}
print(m)
