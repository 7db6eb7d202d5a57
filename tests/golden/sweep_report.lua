-- A declared sweep does not change a plain run; run:report outside a sweep logs the series
-- `objective` at the steps given, and its bad arguments are errors at their line.
local ex = experiment "sweep-report"
ex:config { lr = 1e-3, hidden = 256, optimizer = "adam", momentum = 0.9, optim = { beta1 = 0.9 } }
ex:sweep {
  lr = sweep.loguniform(1e-4, 1e-1), hidden = sweep.choice { 128, 256, 512 },
  optimizer = sweep.choice { "sgd", "adam" },
  momentum = sweep.uniform(0, 0.99, { when = { optimizer = "sgd" } }),
  ["optim.beta1"] = sweep.uniform(0.8, 0.99),
  objective = "objective", direction = "maximize",
}
ex:main(function(cfg, run)
  for epoch = 1, 4 do run:report(epoch, epoch / 8) end
  print(select(2, pcall(run.report, run, -1, 0.5)))
  print(select(2, pcall(run.report, run, 5, 0 / 0)))
  local s = run.series.objective
  print(table.concat(s.steps, ","), table.concat(s.values, ","))
  return { best = s.values[#s.values] }
end)
