-- Errors keep the script's place: declarations, and errors raised in Lua functions that
-- Crescent calls reach pcall as one line; the traceback shows only when the error ends the script.
local ex = experiment "a"
local function try(f) print(select(2, pcall(f))) end
try(function() experiment "b" end)
try(function() ex:config(5) end)
local model = nn.Sequential{input_dim = 2, nn.Dense(1)}
model:compile{optimizer = optim.SGD{}, loss = "mse"}
local x, y = tensor.ones(4, 2), tensor.ones(4, 1)
local function boom(epoch) error("boom at epoch " .. epoch) end
try(function() model:fit(x, y, {epochs = 2, verbose = 0, callbacks = {{on_epoch_end = boom}}}) end)
model:fit(x, y, {epochs = 2, verbose = 0, callbacks = {{on_epoch_end = boom}}})
