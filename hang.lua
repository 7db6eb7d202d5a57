local ex = experiment "hang"
ex:config { x = 0.5 }
ex:sweep { x = sweep.uniform(0, 1), objective = "loss", direction = "minimize" }
ex:main(function(cfg, run)
  if os.getenv("HANG") then while true do end end   -- stopped only by a signal
  return { loss = cfg.x }
end)
