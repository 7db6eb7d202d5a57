local ex = experiment "noisy"
ex:config { x = 0.5, seed = 42 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run) return { loss = cfg.x + tensor.randn(1):sum():item() } end)
