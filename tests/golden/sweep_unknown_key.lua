-- A search space's keys are checked against the config before main runs, naming the script's
-- line and the nearest key.
local ex = experiment "sweep-unknown-key"
ex:config { lr = 1e-3, optim = { beta1 = 0.9 } }
ex:sweep {
  lrr = sweep.loguniform(1e-4, 1e-1),
  objective = "val_f1_micro", direction = "maximize",
}
ex:main(function(cfg, run) print("main does not run") end)
