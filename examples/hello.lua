-- A first Crescent script: tensors computed on native kernels.
--   scripts/crescent run examples/hello.lua

local x = tensor.randn(128, 768, {seed = 1})        -- a batch of 128 inputs
local w = tensor.randn(768, 10, {seed = 2, std = 0.05})
local b = tensor.zeros(10)

local logits = x:matmul(w) + b                       -- b broadcasts over the rows
local p = logits:sigmoid()                           -- independent per-label probabilities
print("probabilities:", p)

local predicted = p:ge(0.5)                          -- threshold at 0.5: 0/1 per label
print("labels per sample (mean):", predicted:sum(2):mean())
print("positive rate per label:", predicted:mean(1))

local n, d = x:shape()
print(string.format("x is %dx%d; its column means lie in [%.3f, %.3f]", n, d, x:mean(1):min(), x:mean(1):max()))

-- Swift-side errors arrive as ordinary, catchable Lua errors.
local ok, err = pcall(function() return x:matmul(tensor.zeros(512, 10)) end)
print("caught:", err)
