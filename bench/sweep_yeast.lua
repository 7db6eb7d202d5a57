-- A yeast MLP's validation micro-F1 as a sweep's objective: the official MULAN train split
-- (under CRESCENT_DATA), every fifth row held out for validation (the same rows in every trial,
-- and in bench/optuna_yeast.py), features standardised on the rest; Dense(width, relu) ->
-- Dropout -> Dense(14, sigmoid), binary cross-entropy, Adam(lr), batch 32. fit reports
-- val_f1_micro after every epoch, so a pruner can stop a trial there.
--   scripts/bench-sweeps bench/sweep_yeast.lua --sampler tpe --seeds 20 --trials 50 [--pruner asha]
local ex = experiment "sweep-yeast"
ex:config { lr = 1e-3, width = 64, dropout = 0.2, epochs = 20, batch_size = 32, seed = 1 }
ex:sweep {
  lr = sweep.loguniform(1e-4, 1e-1), width = sweep.int(16, 512, { log = true }), dropout = sweep.uniform(0, 0.5),
  objective = "val_f1_micro", direction = "maximize",
}

ex:main(function(cfg)
  local train = data.load_mulan("yeast")
  local fit_rows, val_rows = {}, {}
  for i = 1, train.n do
    if i % 5 == 0 then val_rows[#val_rows + 1] = i else fit_rows[#fit_rows + 1] = i end
  end
  local fit, val = train:subset(fit_rows), train:subset(val_rows)
  local scaler = data.StandardScaler():fit(fit.x)
  local model = nn.Sequential { input_dim = fit.n_features, seed = cfg.seed,
    nn.Dense(cfg.width, { activation = "relu" }), nn.Dropout(cfg.dropout),
    nn.Dense(fit.n_labels, { activation = "sigmoid" }) }
  model:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy", metrics = { "f1_micro" } }
  local history = model:fit(scaler:transform(fit.x), fit.y, { batch_size = cfg.batch_size, epochs = cfg.epochs,
    verbose = 0, validation_data = { scaler:transform(val.x), val.y } })
  local f1 = history.val_f1_micro[#history.val_f1_micro]
  print(string.format("lr %.4g, width %d, dropout %.3f: val_f1_micro %.4f", cfg.lr, cfg.width, cfg.dropout, f1))
  return { val_f1_micro = f1 }
end)
