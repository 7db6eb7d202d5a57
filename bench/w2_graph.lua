local x = tensor.randn(2417, 103)
local y = tensor.rand(2417, 14):lt(0.3)
local input = nn.Input(103)
local out = nn.Dense(14, {activation = "sigmoid"})(nn.Dense(256, {activation = "relu"})(input))
local m = nn.Model{inputs = input, outputs = out, seed = 1}
m:compile{optimizer = optim.Adam{lr = 1e-3}, loss = "binary_crossentropy"}
m:fit(x, y, {epochs = 5, batch_size = 32, verbose = 0, shuffle = false})
