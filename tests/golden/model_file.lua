-- Models saved as safetensors load back exactly; the file is checked from Python too
-- (tests/python/check_model_file.py, run by scripts/test on <folder>/model.safetensors).
-- golden: output folder (given as the script's first argument)
local folder = assert(..., "give the folder to write the model file to after --")
local x = tensor.randn(50, 6, {seed = 1})
local y = x:matmul(tensor.randn(6, 3, {seed = 2})):gt(0)
local m = nn.Sequential{ input_dim = 6, seed = 5,
  nn.Dense(8, {activation = "elu"}), nn.BatchNormalization(), nn.Dense(3, {activation = "sigmoid"}) }
m:compile{ optimizer = optim.AdamW{lr = 0.01}, loss = losses.BinaryCrossentropy{pos_weight = {1, 2, 3}}, metrics = {"f1_micro"} }
m:fit(x, y, {epochs = 2, verbose = 0})
local path = folder .. "/model.safetensors"
m:save(path)
local again = nn.load(path)
print("same predictions:", (m:predict(x) - again:predict(x)):abs():max() == 0)
print(again:summary())
print(pcall(nn.load, "tests/golden/model_file.lua"))
local custom = nn.Sequential{ input_dim = 6, { forward = function(self, h) return h end } }
print(pcall(function() custom:save("/tmp/crescent-golden-custom.safetensors") end))
