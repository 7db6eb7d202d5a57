-- W2-sized trials (103 -> 256 relu -> 14 sigmoid, Adam, batch 32, 2,417 rows, 3 epochs), for
-- the throughput of one worker against two:
--   crescent sweep bench/sweep_w2.lua --trials 12 --workers 1 --store /tmp/w2-1.db
--   crescent sweep bench/sweep_w2.lua --trials 12 --workers 2 --store /tmp/w2-2.db
local ex = experiment "sweep-w2"
ex:config { lr = 1e-3, epochs = 3 }
ex:sweep { lr = sweep.loguniform(1e-4, 1e-2), objective = "loss", direction = "minimize" }
ex:main(function(cfg)
  local x = tensor.randn(2417, 103, { seed = 1 })
  local y = tensor.rand(2417, 14, { seed = 2 }):lt(0.3)
  local m = nn.Sequential { input_dim = 103, seed = 1, nn.Dense(256, { activation = "relu" }), nn.Dense(14, { activation = "sigmoid" }) }
  m:compile { optimizer = optim.Adam { lr = cfg.lr }, loss = "binary_crossentropy" }
  local h = m:fit(x, y, { epochs = cfg.epochs, batch_size = 32, verbose = 0 })
  return { loss = h.loss[#h.loss] }
end)
