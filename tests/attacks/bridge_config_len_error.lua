-- command: run
-- args:
-- exit: 0,1
-- expect: main ran
-- Tables with hostile metamethods handed to native code are read raw: no metamethod runs
-- outside protected mode.
local hostile = {__len = function() error("boom") end, __index = function() error("boom") end}
print(pcall(tensor.from, setmetatable({1, 2}, hostile)))
local ex = experiment "hostile"
ex:config(setmetatable({steps = 1, list = setmetatable({1}, hostile)}, hostile))
ex:main(function(cfg) print("main ran") end)
