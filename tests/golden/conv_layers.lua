-- crescent: --allow os --allow-write /tmp
-- Convolution and pooling layers from Lua: shapes, options as Keras spells them, build errors
-- naming the layer and both sizes, saving and loading, and the digits as images.
local x, y = data.digits { images = true, one_hot = true }
print(x:shape())
print(y:shape())

local m = nn.Sequential {
  input_shape = { 8, 8, 1 }, seed = 3,
  nn.Conv2D(4, { 3, 2 }, { strides = { 2, 1 }, padding = "same", activation = "relu", name = "c" }),
  nn.AveragePooling2D(2, { strides = 1, padding = "same" }),
  nn.MaxPooling2D({ 2, 2 }),
}
print(m:summary())
local p = m:predict(x:rows(1, 5))
print(p:shape())

local s = nn.Sequential {
  input_shape = { 12, 3 }, seed = 3,
  nn.Conv1D(5, 3, { dilation_rate = 2, padding = "same", use_bias = false }),
  nn.MaxPooling1D(3, { strides = 2 }),
  nn.AveragePooling1D(),
}
print(s:summary())

-- errors at build, naming the layer and both sizes
print(pcall(function() return nn.Sequential { input_shape = { 4, 4, 1 }, nn.Conv2D(2, 5, { padding = "same", name = "big" }) } end))
print(pcall(function() return nn.Sequential { input_shape = { 16 }, nn.Conv2D(2, 3, { name = "flat" }) } end))
print(pcall(function() return nn.Sequential { input_shape = { 5, 2 }, nn.MaxPooling1D(6, { name = "pool" }) } end))
print(pcall(nn.Conv2D, 2, { 3, 3, 3 }))
print(pcall(nn.Conv2D, 2, 3, { padding = "causal" }))

-- saved and loaded: the same predictions
local seq = tensor.randn(4, 12, 3, { seed = 1 })
local path = os.tmpname()
s:save(path)
local back = nn.load(path)
os.remove(path)
print((back:predict(seq) - s:predict(seq)):abs():max())

-- causal padding (Conv1D only): step t sums steps t-2..t, zeros before the sequence
local c = nn.Sequential {
  input_shape = { 5, 1 }, seed = 3,
  nn.Conv1D(1, 3, { padding = "causal", kernel_initializer = "ones", use_bias = false }),
}
print(c:predict(tensor.from{{1, 2, 3, 4, 5}}:reshape(1, 5, 1)):reshape(1, 5))
print(pcall(nn.MaxPooling1D, 2, { padding = "causal" }))
