-- Regularizers, constraints, parameterised initializers and frozen layers from a script, and
-- through a model file.
-- golden: output folder (given as the script's first argument)
local folder = assert(..., "give the folder to write the model file to after --")
local x = tensor.randn(40, 5, {seed = 1})
local y = x:matmul(tensor.randn(5, 2, {seed = 2})):gt(0)

local r = regularizers.l1_l2{l1 = 0.01, l2 = 0.02}
print("l1_l2:", r.l1, r.l2, "l2 default:", regularizers.l2().l2)
print("max_norm:", constraints.max_norm(2).name)

local m = nn.Sequential{ input_dim = 5, seed = 3,
  nn.Dense(6, {activation = "selu", name = "hidden", kernel_regularizer = "l2", bias_regularizer = regularizers.l1(0.1),
               activity_regularizer = regularizers.l2(0.001), kernel_constraint = constraints.max_norm(1.5),
               kernel_initializer = {name = "truncated_normal", stddev = 0.2}}),
  nn.BatchNormalization{name = "bn"},
  nn.Dense(4, {activation = "mish", bias_constraint = "non_neg", kernel_initializer = {name = "orthogonal", gain = 2}}),
  nn.Dense(2, {activation = "swish"}),
  nn.Dense(2, {activation = "hard_sigmoid", name = "out"}) }
m:compile{ optimizer = optim.Adam{lr = 0.01}, loss = "mse" }

-- freezing: weights stay, summary counts them as non-trainable
local bn = m:layer("bn")
bn.trainable = false
print("bn trainable:", bn.trainable, "hidden trainable:", m:layer("hidden").trainable)
local before = m:layer("bn"):get_weights()
m:fit(x, y, {epochs = 2, batch_size = 8, verbose = 0})
local after = m:layer("bn"):get_weights()
print("frozen bn unchanged:", (before[1] - after[1]):abs():max() == 0, (before[3] - after[3]):abs():max() == 0)
print(m:summary())

-- max_norm holds on every unit's incoming weights
local k = m:layer("hidden"):get_weights()[1]
print("largest column norm <= 1.5:", (k * k):sum(1):sqrt():max() <= 1.5 + 1e-6)

-- per-layer weights: copies in, copies out, shapes checked
local w = m:layer(3):get_weights()
w[1] = w[1] * 0
m:layer(3):set_weights(w)
print("set:", m:layer(3):get_weights()[1]:abs():max())
print(pcall(function() m:layer(3):set_weights{ w[2], w[1] } end))
print(pcall(function() m:layer(3):set_weights{ w[1] } end))
print(pcall(function() return m:layer("dense_9") end))
print(pcall(nn.Dense, 3, {kernel_regularizer = "l3"}))
print(pcall(nn.Dense, 3, {kernel_initializer = {name = "random_normal", sd = 1}}))

-- everything reloads from the file
local path = folder .. "/regularized.safetensors"
m:save(path)
local again = nn.load(path)
print("same predictions:", (m:predict(x) - again:predict(x)):abs():max() == 0)
print("loaded bn trainable:", again:layer("bn").trainable)
again:fit(x, y, {epochs = 1, batch_size = 8, verbose = 0, shuffle = false})
m:fit(x, y, {epochs = 1, batch_size = 8, verbose = 0, shuffle = false})
print("trains the same after loading:", (m:predict(x) - again:predict(x)):abs():max() < 1e-6)
print("loss with penalties:", string.format("%.5f", m:evaluate(x, y).loss))
