-- Uses what the example plugin adds: a function, a loss, a metric and a layer written in C.
--   cc -shared -fPIC -I Sources/CrescentPluginABI/include examples/plugins/scaled_softsign/plugin.c -o libscaled_softsign.so
--   scripts/crescent run --plugin ./libscaled_softsign.so examples/plugins/scaled_softsign/demo.lua
local y = extras.softsign(tensor.from{{-3, 0, 1, 4}}, { scale = 2 })
print("softsign:", y)

local ok, err = pcall(extras.softsign, tensor.from{1}, { scale = -1 })
print("error:", err)

print("label_cardinality_error:",
  metrics.label_cardinality_error(tensor.from{{1, 0, 1}, {0, 0, 1}}, tensor.from{{0.9, 0.8, 0.7}, {0.1, 0.2, 0.3}}))

local train, test = data.load("synthetic", { n_samples = 600, n_features = 20, n_classes = 5, n_labels = 2,
                                              test_size = 0.25, seed = 3 })
local scaler = data.StandardScaler():fit(train.x)
local x, xt = scaler:transform(train.x), scaler:transform(test.x)
for _, loss in ipairs { "squared_hinge", losses.SquaredHinge() } do
  local model = nn.Sequential { input_dim = train.n_features, seed = 3,
    nn.Dense(32), nn.Softsign(), nn.Dense(train.n_labels, { activation = "sigmoid" }) }
  model:compile { optimizer = optim.Adam { lr = 3e-3 }, loss = loss,
                  metrics = { "label_cardinality_error", "f1_micro" } }
  local h = model:fit(x, train.y, { batch_size = 32, epochs = 5, verbose = 0, validation_data = { xt, test.y } })
  print(string.format("loss %.4f -> %.4f; validation label_cardinality_error %.4f, f1_micro %.4f",
    h.loss[1], h.loss[#h.loss], h.val_label_cardinality_error[#h.val_label_cardinality_error], h.val_f1_micro[#h.val_f1_micro]))
end
