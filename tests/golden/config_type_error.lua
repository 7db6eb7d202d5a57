-- with: hidden=512
-- A config value of another type than declared (a number where a list was) fails in Lua's
-- own ipairs; the error still names the script's line.
local ex = experiment "hidden"
ex:config{hidden = {16, 8}}
ex:main(function(cfg, run)
  for _, units in ipairs(cfg.hidden) do print(units) end
end)
