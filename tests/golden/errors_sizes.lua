-- Sizes and numbers that do not fit: shapes whose element count overflows, numbers that are not
-- finite where a count is needed, file headers that claim more than they hold. Each is an error
-- naming what was given, never an abort.
local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, err)
end
local huge = 4611686018427387904 -- 2^62
try(function() return tensor.zeros(2, 2):reshape(huge, 4) end)
try(function() return tensor.eye(huge) end)
try(function() return tensor.arange(0, math.huge) end)
try(function() return tensor.arange(0, 0 / 0) end)
try(function() return tensor.arange(1e30) end)
try(function() return data.one_hot(tensor.from{1, math.huge}, 3) end)
try(function() return data.one_hot(tensor.from{1, 1e30}, 3) end)
try(data.load_npy, "tests/golden/data/huge_shape.npy")
try(data.load_npy, "tests/golden/data/huge_bytes.npy")
try(data.load_libsvm, "tests/golden/data/huge_label.svm")
try(data.load_libsvm, "tests/golden/data/small.svm", {n_features = huge})
try(function() return data.make_blobs{n_samples = huge, n_features = 4} end)
try(function() return data.make_multilabel{n_samples = huge, n_features = 4} end)
try(function()
  local m = nn.Sequential{input_dim = huge, seed = 1, nn.Dense(4)}
  m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "mse"}
  return m
end)
print("still running")
