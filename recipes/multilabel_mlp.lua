-- An ingredient: a multilabel MLP (sigmoid outputs, binary cross-entropy) whose per-label
-- decision thresholds are tuned on validation data with metrics.best_thresholds.
--   local mlp = require "recipes.multilabel_mlp"
--   local ex = experiment { "my-exp", ingredients = { mlp } }     -- config under cfg.mlp
--   local fitted = mlp.fit(cfg.mlp, train, valid, cfg.seed)
--   local predicted, scores = mlp.predict(fitted, test.x)
local mlp = ingredient "mlp"

mlp:config {
  units = {256},
  activation = "relu",
  dropout = 0,
  lr = 1e-3,
  batch_size = 32,
  epochs = 20,
  patience = 5,
  threshold_metric = "f1",   -- precision, recall, f1 or jaccard
}

-- A compiled model: n_in inputs, the hidden layers of cfg.units, n_out sigmoid outputs.
function mlp.build(cfg, n_in, n_out, seed)
  local model = nn.Sequential { input_dim = n_in, seed = seed }
  for _, units in ipairs(cfg.units) do
    model:add(nn.Dense(units, { activation = cfg.activation }))
    if cfg.dropout > 0 then model:add(nn.Dropout(cfg.dropout)) end
  end
  model:add(nn.Dense(n_out, { activation = "sigmoid" }))
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy" }
  return model
end

-- Trains on `train` (early stopping on `valid`), then tunes one threshold per label on `valid`.
function mlp.fit(cfg, train, valid, seed)
  local model = mlp.build(cfg, train.n_features, train.n_labels, seed)
  local history = model:fit(train.x, train.y, { batch_size = cfg.batch_size, epochs = cfg.epochs, verbose = 0,
    validation_data = { valid.x, valid.y },
    callbacks = { callbacks.EarlyStopping { monitor = "val_loss", patience = cfg.patience, restore_best_weights = true } } })
  local thresholds = metrics.best_thresholds(valid.y, model:predict(valid.x), { metric = cfg.threshold_metric })
  return { model = model, thresholds = thresholds, history = history }
end

-- 0/1 predictions with the tuned thresholds, and the scores they came from.
function mlp.predict(fitted, x)
  local scores = fitted.model:predict(x)
  return metrics.apply_thresholds(scores, fitted.thresholds), scores
end

return mlp
