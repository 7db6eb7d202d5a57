-- Constructors take an empty options table as the README writes them; a name a library does
-- not define is an error with the nearest names, at the script's line.
print(callbacks.TerminateOnNaN{} ~= nil, losses.MeanSquaredError{} ~= nil, nn.LayerNormalization{} ~= nil)
local function try(f) print(select(2, pcall(f))) end
try(function() return losses.MeanSquaredError{reduction = "sum"} end)
try(function() return optim.adam{lr = 0.1} end)
try(function() return losses.BinaryCrossEntropy{} end)
try(function() return nn.dense(3) end)
try(function() return callbacks.Qwerty end)
try(function() nn.Dense = nil end)
local model = nn.Sequential{input_dim = 2, nn.Dense(3)}
try(function() model.layers[1].kind = "Dropout" end)
try(function() model:compile{optimizer = optim.SGD{}, loss = "mse", metrics = {"f1_mikro"}} end)
-- the standard libraries keep Lua's behaviour
print(string.nosuch, math.nosuch)
local opt = optim.sgd{lr = 0.1}
