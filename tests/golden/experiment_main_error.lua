-- A runtime error in main: the message names the script's line, with a traceback into it.
local ex = experiment "main-error"
ex:config { units = 4 }

local function build(units)
  return nn.Dense(units, { activation = "sigmoidd" })
end

ex:main(function(cfg, run)
  run:log("loss", 1)
  build(cfg.units)
end)
