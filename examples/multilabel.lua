-- The main job as an experiment: a multilabel MLP — sigmoid outputs, binary cross-entropy —
-- judged by the multilabel metric family.
--   scripts/crescent run examples/multilabel.lua                        synthetic data, no files needed
--   scripts/crescent run examples/multilabel.lua with small             a named config
--   scripts/crescent run examples/multilabel.lua with dataset=yeast     a MULAN set under CRESCENT_DATA
--   scripts/crescent run examples/multilabel.lua with lr=3e-4 hidden='{512,256}' --print-config
-- The golden test runs it small:
-- with: epochs=8
local ex = experiment "multilabel-mlp"

ex:config {
  dataset = "synthetic",
  hidden = {256},
  activation = "relu",
  dropout = 0.2,
  batch_size = 32, epochs = 30, lr = 1e-3,
  test_size = 1/3, seed = 42,
}
ex:named_config("small", { hidden = {64}, epochs = 5 })

ex:main(function(cfg, run)
  local train, test = data.load(cfg.dataset, { test_size = cfg.test_size, seed = cfg.seed, stratify = "iterative",
    n_samples = 3000, n_features = 60, n_classes = 10, n_labels = 3 })
  print(train, test)
  local scaler = data.StandardScaler():fit(train.x)
  local x_train, x_test = scaler:transform(train.x), scaler:transform(test.x)

  local model = nn.Sequential { input_dim = train.n_features, seed = cfg.seed }
  for _, units in ipairs(cfg.hidden) do
    model:add(nn.Dense(units, { activation = cfg.activation }))
    if cfg.dropout > 0 then model:add(nn.Dropout(cfg.dropout)) end
  end
  model:add(nn.Dense(train.n_labels, { activation = "sigmoid" }))
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy",
                  metrics = { "hamming_loss", "f1_micro", "roc_auc_macro" } }
  local history = model:fit(x_train, train.y, { batch_size = cfg.batch_size, epochs = cfg.epochs, verbose = 0,
    validation_data = { x_test, test.y },
    callbacks = { callbacks.EarlyStopping { monitor = "val_loss", patience = 5, restore_best_weights = true } } })
  print(string.format("%d epochs; last: loss %.4f, val_loss %.4f, val_f1_micro %.4f", #history.loss,
    history.loss[#history.loss], history.val_loss[#history.val_loss], history.val_f1_micro[#history.val_f1_micro]))

  local p = model:predict(x_test)
  local report = metrics.report(test.y, p, { label_names = train.label_names })
  print(report)
  run:log_curve("roc", metrics.roc_curve(test.y, p, { average = "micro" }))
  return { f1_micro = report.f1_micro, roc_auc_macro = report.roc_auc_macro, hamming_loss = report.hamming_loss }
end)
