-- command: run
-- args:
-- exit: 0
-- expect: Tensor	Dataset	Model
-- expect: intact
-- Every object type hides its metatable: getmetatable gives its type name.
local ds = data.make_blobs{n_samples = 10, centers = 2, seed = 1}
local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
print(getmetatable(tensor.ones(1)), getmetatable(ds), getmetatable(m))
print(pcall(function() getmetatable(ds).__index.kfold = print end))
print(ds.kfold ~= print and "intact" or "changed")
