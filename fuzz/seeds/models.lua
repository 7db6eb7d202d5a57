-- Small models of every layer kind, optimizer and loss: the seeds of fuzz/corpus/model.
--   crescent run --allow-write DIR fuzz/seeds/models.lua -- DIR
local out = ...
local x = tensor.randn(12, 3, {seed = 1})
local y = x:matmul(tensor.randn(3, 2, {seed = 2})):gt(0)
local function save(name, m, compile)
  if compile then
    m:compile(compile)
    m:fit(x, y, {epochs = 1, verbose = 0, batch_size = 4})
  end
  m:save(out .. "/" .. name .. ".safetensors")
end
save("dense", nn.Sequential{input_dim = 3, seed = 1, nn.Dense(2)})
save("dense-bn-adamw", nn.Sequential{input_dim = 3, seed = 2, nn.Dense(4, {activation = "elu"}), nn.BatchNormalization(), nn.Dense(2, {activation = "sigmoid"})},
  {optimizer = optim.AdamW{lr = 0.01}, loss = losses.BinaryCrossentropy{pos_weight = {1, 2}}, metrics = {"f1_micro"}})
save("ln-dropout-sgd", nn.Sequential{input_dim = 3, seed = 3, nn.Dense(4, {use_bias = false}), nn.LayerNormalization(), nn.Dropout(0.25), nn.Activation("tanh"), nn.Dense(2)},
  {optimizer = optim.SGD{lr = 0.1, momentum = 0.9}, loss = losses.MeanSquaredError()})
save("rmsprop-focal", nn.Sequential{input_dim = 3, seed = 4, nn.Dense(2)},
  {optimizer = optim.RMSprop{lr = 0.01}, loss = losses.SigmoidFocal{gamma = 2}})
save("adagrad-cce", nn.Sequential{input_dim = 3, seed = 5, nn.Dense(2, {activation = "softmax"})},
  {optimizer = optim.Adagrad{lr = 0.1}, loss = losses.CategoricalCrossentropy()})
save("adam-logits", nn.Sequential{input_dim = 3, seed = 6, nn.Dense(3, {activation = "relu"}), nn.Dense(2)},
  {optimizer = optim.Adam{lr = 0.001}, loss = losses.BinaryCrossentropy{from_logits = true}})
