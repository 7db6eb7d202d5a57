-- A sweep: which learning rate, width and dropout give the best validation micro-F1 for a
-- small multilabel MLP? The search space is written beside the config; every trial is an
-- ordinary recorded run of this script with the trial's values as overrides.
--   scripts/crescent sweep examples/sweep.lua --trials 6                 random search, one process
--   scripts/crescent sweep examples/sweep.lua --trials 6 --workers 2     two worker processes
--   scripts/crescent sweep examples/sweep.lua --space 'epochs=int(4, 12)' --trials 6
--   scripts/crescent sweep show sweep-mlp                                the best trial and every trial
--   scripts/crescent run examples/sweep.lua                              one run with the config as declared
local ex = experiment "sweep-mlp"

ex:config { lr = 1e-2, hidden = 32, dropout = 0.1, epochs = 8, batch_size = 64, seed = 42 }
ex:sweep {
  lr = sweep.loguniform(1e-3, 1e-1),
  hidden = sweep.choice { 16, 32, 64 },
  dropout = sweep.uniform(0, 0.5),
  objective = "val_f1_micro", direction = "maximize",
}

ex:main(function(cfg, run)
  local train, test = data.load("synthetic", { n_samples = 600, n_features = 20, n_classes = 6, n_labels = 2,
                                                test_size = 0.25, seed = cfg.seed })
  -- Trials are compared on a validation part of the training data; the test set stays out of
  -- the choice (its score is printed for information, not returned).
  local fitting, validation = train:split { test_size = 0.2, seed = cfg.seed }
  local scaler = data.StandardScaler():fit(fitting.x)
  local model = nn.Sequential { input_dim = train.n_features, seed = cfg.seed,
    nn.Dense(cfg.hidden, { activation = "relu" }), nn.Dropout(cfg.dropout),
    nn.Dense(train.n_labels, { activation = "sigmoid" }) }
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy", metrics = { "f1_micro" } }
  -- fit reports val_f1_micro to the trial after every epoch (a pruner may stop it there).
  local history = model:fit(scaler:transform(fitting.x), fitting.y, { batch_size = cfg.batch_size, epochs = cfg.epochs,
    verbose = 0, validation_data = { scaler:transform(validation.x), validation.y } })
  local f1 = history.val_f1_micro[#history.val_f1_micro]
  local test_f1 = model:evaluate(scaler:transform(test.x), test.y).f1_micro
  print(string.format("lr %.4g, hidden %d, dropout %.2f: val_f1_micro %.4f (test %.4f)", cfg.lr, cfg.hidden, cfg.dropout, f1, test_f1))
  return { val_f1_micro = f1 }
end)
