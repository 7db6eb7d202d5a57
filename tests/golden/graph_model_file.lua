-- Graph models save to one safetensors file and load back exactly: the connections, a
-- shared layer (stored once), per-output losses, weights and metrics, the optimizer's state.
-- The file's description is Keras-like JSON (tests/python/check_model_file.py reads it).
-- golden: output folder (given as the script's first argument)
local folder = assert(..., "give the folder to write the model file to after --")
local x = tensor.randn(40, 5, {seed = 1})
local m = tensor.randn(40, 3, {seed = 2})
local y = x:matmul(tensor.randn(5, 2, {seed = 3})):gt(0)
local k = y:sum(2)

local a = nn.Input(5, { name = "features" })
local b = nn.Input(3, { name = "meta" })
local enc = nn.Dense(6, { activation = "tanh", name = "encoder" })
local h = enc(a)
local h2 = enc(nn.Dense(5, { name = "lift" })(b))          -- the encoder again: shared weights
local joined = nn.Concatenate { nn.Add { h, h2 }, nn.Multiply { h, h2 } }
local labels = nn.Dense(2, { activation = "sigmoid", name = "labels" })(joined)
local count = nn.Dense(1, { name = "count" })(joined)
local model = nn.Model { inputs = { a, b }, outputs = { labels, count }, seed = 3, name = "two_heads" }
model:compile { optimizer = optim.Adam { lr = 0.01 }, loss = { "binary_crossentropy", "mse" },
                loss_weights = { 1, 0.5 }, metrics = { labels = { "f1_micro" } } }
model:fit({ x, m }, { y, k }, { epochs = 2, batch_size = 8, verbose = 0 })
print("parameters:", #model:parameters(), "weights:", #model:get_weights())
local path = folder .. "/graph.safetensors"
model:save(path)
local again = nn.load(path)
local p, q = model:predict({ features = x, meta = m }), again:predict({ features = x, meta = m })
print("same predictions:", (p.labels - q.labels):abs():max() == 0, (p.count - q.count):abs():max() == 0)
print("inputs:", table.concat(again.inputs, ", "), "outputs:", table.concat(again.outputs, ", "), "name:", again.name)
local e1, e2 = model:evaluate({ features = x, meta = m }, { labels = y, count = k }), again:evaluate({ features = x, meta = m }, { labels = y, count = k })
print("same evaluation:", e1.loss == e2.loss, e1.labels_f1_micro == e2.labels_f1_micro)
-- Training goes on from the saved optimizer state: one more epoch gives the same weights.
model:fit({ x, m }, { y, k }, { epochs = 1, batch_size = 8, verbose = 0, shuffle = false })
again:fit({ x, m }, { y, k }, { epochs = 1, batch_size = 8, verbose = 0, shuffle = false })
local same = true
for i, w in ipairs(model:get_weights()) do same = same and (w - again:get_weights()[i]):abs():max() == 0 end
print("same after training on:", same)
print(again:summary())
