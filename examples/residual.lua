-- A residual MLP as a graph model: each block adds its input back to its output
-- (h = h + relu(Dense(h))), the connection plain stacks cannot write. Synthetic multilabel
-- data by default, or a MULAN set under CRESCENT_DATA (with dataset=yeast).
--   scripts/crescent run examples/residual.lua
--   scripts/crescent run examples/residual.lua with dataset=yeast blocks=3
-- The golden test runs it small:
-- with: epochs=4
local ex = experiment "residual-mlp"

ex:config { dataset = "synthetic", width = 64, blocks = 2, dropout = 0.1, epochs = 20, batch_size = 32, lr = 1e-3, seed = 42 }

ex:main(function(cfg, run)
  local train, test = data.load(cfg.dataset, { test_size = 0.25, seed = cfg.seed,
    n_samples = 1500, n_features = 50, n_classes = 10, n_labels = 3 })
  local scaler = data.StandardScaler():fit(train.x)
  local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)

  local x = nn.Input(train.n_features, { name = "x" })
  local h = nn.Dense(cfg.width, { activation = "relu" })(x)
  for _ = 1, cfg.blocks do
    local r = nn.Dense(cfg.width, { activation = "relu" })(h)
    if cfg.dropout > 0 then r = nn.Dropout(cfg.dropout)(r) end
    h = nn.Add { h, r }
  end
  local out = nn.Dense(train.n_labels, { activation = "sigmoid", name = "labels" })(h)
  local model = nn.Model { inputs = x, outputs = out, seed = cfg.seed }
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy", metrics = { "f1_micro" } }
  print(model:summary())

  local history = model:fit(x_train, train.y, { epochs = cfg.epochs, batch_size = cfg.batch_size,
    validation_data = { x_test, test.y }, verbose = 0 })
  local last = #history.loss
  print(string.format("%d epochs; loss %.4f, val_loss %.4f, val_f1_micro %.4f", last, history.loss[last],
    history.val_loss[last], history.val_f1_micro[last]))
  run:log("test_f1_micro", history.val_f1_micro[last])
end)
