-- Hartmann-6 (minimum -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573))
-- as a sweep's objective, each parameter in [0, 1] as in bench/optuna_samplers.py:
--   scripts/bench-sweeps bench/sweep_hartmann6.lua --sampler tpe --seeds 20 --trials 50
local ex = experiment "sweep-hartmann6"
ex:config { x1 = 0.5, x2 = 0.5, x3 = 0.5, x4 = 0.5, x5 = 0.5, x6 = 0.5 }
ex:sweep {
  x1 = sweep.uniform(0, 1), x2 = sweep.uniform(0, 1), x3 = sweep.uniform(0, 1),
  x4 = sweep.uniform(0, 1), x5 = sweep.uniform(0, 1), x6 = sweep.uniform(0, 1),
  objective = "value", direction = "minimize",
}

local ALPHA = { 1.0, 1.2, 3.0, 3.2 }
local A = { { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 } }
local P = { { 1312, 1696, 5569, 124, 8283, 5886 }, { 2329, 4135, 8307, 3736, 1004, 9991 },
            { 2348, 1451, 3522, 2883, 3047, 6650 }, { 4047, 8828, 8732, 5743, 1091, 381 } }

local function hartmann6(x)
  local total = 0
  for i = 1, 4 do
    local s = 0
    for j = 1, 6 do s = s + A[i][j] * (x[j] - P[i][j] * 1e-4) ^ 2 end
    total = total + ALPHA[i] * math.exp(-s)
  end
  return -total
end

ex:main(function(cfg)
  local value = hartmann6 { cfg.x1, cfg.x2, cfg.x3, cfg.x4, cfg.x5, cfg.x6 }
  print(string.format("hartmann6 = %.6f", value))
  return { value = value }
end)
