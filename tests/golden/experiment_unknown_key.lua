-- with: lrr=0.5
local ex = experiment "unknown-key"
ex:config { lr = 1e-3 }
ex:main(function(cfg, run) print("main does not run") end)
