-- The sweep machinery's cost per trial: a main that returns at once.
--   crescent sweep bench/sweep_trivial.lua --trials 1000 --store /tmp/sweep-bench.db
local ex = experiment "sweep-trivial"
ex:config { x = 0.5 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg) return { loss = cfg.x } end)
