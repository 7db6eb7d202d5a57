-- command: run
-- args:
-- exit: 0
-- expect: deep	false
-- expect: index	true
-- expect: survived
-- Tables with hostile metamethods and deep nesting handed to native code: read raw, or refused
-- with a message; nothing runs unprotected.
local hostile = {__len = function() error("len") end, __index = function() error("index") end,
                 __pairs = function() error("pairs") end, __eq = function() error("eq") end}
local deep = {}
local t = deep
for i = 1, 200 do t[1] = {}; t = t[1] end
print("deep", (pcall(tensor.from, deep)))
print("index", (pcall(tensor.from, setmetatable({1, 2, 3}, hostile))))
local ds = data.make_blobs(setmetatable({n_samples = 10, centers = 2, seed = 1}, hostile))
print(pcall(ds.kfold, ds, setmetatable({k = 2}, hostile)))
print("survived")
