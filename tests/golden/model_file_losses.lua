-- crescent: --allow-write /tmp
-- Every built-in loss, by name and as an object, and every optimizer, saves and loads back:
-- the reloaded model evaluates to the live model's loss.
local x = tensor.randn(40, 5, {seed = 1})
local y = x:matmul(tensor.randn(5, 3, {seed = 2})):gt(0)
local losses_ = { "binary_crossentropy", "sigmoid_focal", "categorical_crossentropy", "mean_squared_error", "mse",
  losses.BinaryCrossentropy{}, losses.SigmoidFocal{}, losses.CategoricalCrossentropy{}, losses.MeanSquaredError{} }
local optimizers = { "SGD", "Adam", "AdamW", "RMSprop", "Adagrad" }
local path = "/tmp/crescent-golden-losses.safetensors"
for i, loss in ipairs(losses_) do
  local opt = optimizers[(i - 1) % #optimizers + 1]
  local m = nn.Sequential{ input_dim = 5, nn.Dense(3, {activation = "sigmoid"}) }
  m:compile{ optimizer = optim[opt]{}, loss = loss }
  m:fit(x, y, {epochs = 1, verbose = 0})
  m:save(path)
  local ok, again = pcall(nn.load, path)
  local name = type(loss) == "string" and loss or tostring(i)
  print(name, opt, ok and (math.abs(again:evaluate(x, y).loss - m:evaluate(x, y).loss) < 1e-12) or again)
end
