-- Branin (minimum 0.397887 at (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475)) as a sweep's
-- objective, over the ranges bench/optuna_samplers.py gives Optuna:
--   scripts/bench-sweeps bench/sweep_branin.lua --sampler tpe --seeds 20 --trials 50
--   crescent run bench/sweep_branin.lua with x1=3.141592653589793 x2=2.275
local ex = experiment "sweep-branin"
ex:config { x1 = 0.0, x2 = 0.0 }
ex:sweep { x1 = sweep.uniform(-5, 10), x2 = sweep.uniform(0, 15), objective = "value", direction = "minimize" }

local function branin(x1, x2)
  local b, c, t = 5.1 / (4 * math.pi ^ 2), 5 / math.pi, 1 / (8 * math.pi)
  return (x2 - b * x1 * x1 + c * x1 - 6) ^ 2 + 10 * (1 - t) * math.cos(x1) + 10
end

ex:main(function(cfg)
  local value = branin(cfg.x1, cfg.x2)
  print(string.format("branin(%.17g, %.17g) = %.6f", cfg.x1, cfg.x2, value))
  return { value = value }
end)
