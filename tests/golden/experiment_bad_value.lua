-- with: hidden={64,
local ex = experiment "bad-value"
ex:config { hidden = {64} }
ex:main(function(cfg, run) print("main does not run") end)
