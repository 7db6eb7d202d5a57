-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: Model:fit: time limit exceeded
-- max-seconds: 6
-- Training is native work the count hook does not see: fit checks the deadline per batch.
local x = tensor.randn(256, 8, {seed = 1})
local y = tensor.rand(256, 1, {seed = 2})
local m = nn.Sequential{input_dim = 8, nn.Dense(16, {activation = "relu"}), nn.Dense(1)}
m:compile{optimizer = optim.SGD{}, loss = "mse"}
m:fit(x, y, {epochs = 1000000, batch_size = 8, verbose = 0})
