-- with: steps=3
local ex = experiment "run-object"
ex:config { steps = 5, seed = 11 }
ex:main(function(cfg, run)
  print(run.seed, run.experiment, type(run.id), cfg.steps)
  for i = 1, cfg.steps do run:log("loss", 1 / i) end
  print(pcall(run.artifact, run, "../escape.txt", "x"))
  local cfg2 = run.config
  cfg2.steps = 100
  print(run.config.steps)
  return { steps = cfg.steps, nested = { a = 1, b = { 0.5, 0.25 } } }
end)
